// The machine at the playhead, decoded for people: per CPU the task, CPL, UIF, the UINTR MSRs
// and the local APIC's IRR/ISR; per receiver its UPID; per sender its UITT entries; the
// /proc/interrupts UIS line. Each value carries `changed`: it differs from the instant before.
//
// Exposed as lists of plain maps ({name, value, tip, changed}) because the inspector is a
// handful of rows rebuilt at most once a frame; the field names are the spec's (UINV, NDST…).
#pragma once

#include "model/Machine.h"
#include "scenario/Scenario.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class InspectorModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns the inspector")
    Q_PROPERTY(QVariantList cpus READ cpus NOTIFY changed)
    Q_PROPERTY(QVariantList upids READ upids NOTIFY changed)
    Q_PROPERTY(QVariantList uitts READ uitts NOTIFY changed)
    Q_PROPERTY(bool hasUis READ hasUis NOTIFY changed)
    Q_PROPERTY(QString uisHeader READ uisHeader NOTIFY changed)
    Q_PROPERTY(QString uisLine READ uisLine NOTIFY changed)
    Q_PROPERTY(bool uisChanged READ uisChanged NOTIFY changed)
  public:
    using QObject::QObject;

    // `printsUis`: whether the kernel prints the UIS line (the engine decides, per variant).
    void update(const scenario::Scenario& sc, const model::Machine& now,
                const model::Machine& before, bool printsUis);

    QVariantList cpus() const { return cpus_; }
    QVariantList upids() const { return upids_; }
    QVariantList uitts() const { return uitts_; }
    bool hasUis() const { return hasUis_; }
    QString uisHeader() const { return uisHeader_; }
    QString uisLine() const { return uisLine_; }
    bool uisChanged() const { return uisChanged_; }

    // For tests and the CLI-minded: the value of field `name` in group `group` ("CPU 0",
    // "UPID receiver", "UITT sender"), empty when absent.
    Q_INVOKABLE QString value(const QString& group, const QString& name) const;
    Q_INVOKABLE bool isChanged(const QString& group, const QString& name) const;

  Q_SIGNALS:
    void changed();

  private:
    QVariantMap find(const QString& group, const QString& name) const;

    QVariantList cpus_, upids_, uitts_;
    bool hasUis_ = false;
    QString uisHeader_, uisLine_;
    bool uisChanged_ = false;
};

} // namespace uintr::lab
