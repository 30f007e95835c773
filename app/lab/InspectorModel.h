// The machine at the playhead, decoded for people: per CPU the task, CPL, UIF, the UINTR MSRs
// and the local APIC's IRR/ISR; per receiver its UPID; per sender its UITT entries; the
// /proc/interrupts UIS line. Each value carries `changed`: it differs from the state before (the
// instant before, or the event before when stepping).
//
// The cards are list models with roles (InspectorCards, each card's fields InspectorFields);
// the field names are the spec's (UINV, NDST…).
#pragma once

#include "InspectorCards.h"
#include "model/Machine.h"
#include "scenario/Scenario.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class InspectorModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns the inspector")
    Q_PROPERTY(uintr::lab::InspectorCards* cpus READ cpus CONSTANT)
    Q_PROPERTY(uintr::lab::InspectorCards* upids READ upids CONSTANT)
    Q_PROPERTY(uintr::lab::InspectorCards* uitts READ uitts CONSTANT)
    Q_PROPERTY(bool hasUis READ hasUis NOTIFY changed)
    Q_PROPERTY(QString uisHeader READ uisHeader NOTIFY changed)
    Q_PROPERTY(QString uisLine READ uisLine NOTIFY changed)
    Q_PROPERTY(bool uisChanged READ uisChanged NOTIFY changed)
  public:
    explicit InspectorModel(QObject* parent = nullptr)
        : QObject(parent), cpus_(this), upids_(this), uitts_(this) {}

    // `printsUis`: whether the kernel prints the UIS line (the engine decides, per variant).
    void update(const scenario::Scenario& sc, const model::Machine& now,
                const model::Machine& before, bool printsUis);

    InspectorCards* cpus() { return &cpus_; }
    InspectorCards* upids() { return &upids_; }
    InspectorCards* uitts() { return &uitts_; }
    bool hasUis() const { return hasUis_; }
    QString uisHeader() const { return uisHeader_; }
    QString uisLine() const { return uisLine_; }
    bool uisChanged() const { return uisChanged_; }

    // For tests: the value of field `name` ("task" for the card's task) in group `group`
    // ("CPU 0", "UPID receiver", "UITT sender"; "UIS" for the line), empty when absent.
    QString value(const QString& group, const QString& name) const;
    bool isChanged(const QString& group, const QString& name) const;

  Q_SIGNALS:
    void changed(); // anything shown changed (the cards say which rows and roles themselves)

  private:
    const InspectorField* find(const QString& group, const QString& name) const;
    const InspectorCard* findCard(const QString& group) const;

    InspectorCards cpus_, upids_, uitts_;
    bool hasUis_ = false;
    QString uisHeader_, uisLine_;
    bool uisChanged_ = false;
};

} // namespace uintr::lab
