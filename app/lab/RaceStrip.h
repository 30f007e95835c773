// The race strip under a drag: while the user drags a switch or a SENDUIPI, its lane shows, for
// every position the entry could take in view, the outcome there as coloured bands labelled
// "spurious from 1000 to 1299 ns" (analysis::stripWindows, the same windows as `explore --json`).
//
// The sweep runs off the GUI thread: request() returns at once, the bands arrive with
// bandsChanged. Latest request wins: a new request (or clear()) cancels the one in flight, and a
// result that is not the latest is dropped. Nothing here delays a drag frame.
#pragma once

#include "scenario/Scenario.h"

#include <QAbstractListModel>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <memory>
#include <vector>

namespace uintr::lab {

class RaceStripModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns the race strip")
    // A drag is on and its strip is wanted (bands may still be on their way).
    Q_PROPERTY(bool active READ active NOTIFY stateChanged)
    // The bands are those of the current request.
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(int entry READ entry NOTIFY stateChanged)
    Q_PROPERTY(int cpu READ cpu NOTIFY stateChanged) // the lane the entry is drawn on
    Q_PROPERTY(int count READ rowCount NOTIFY bandsChanged)
  public:
    enum Role { FromRole = Qt::UserRole + 1, ToRole, OutcomeRole, LabelRole, ColourRole };
    explicit RaceStripModel(QObject* parent = nullptr);
    ~RaceStripModel() override;

    bool active() const { return active_; }
    bool ready() const { return ready_; }
    int entry() const { return entry_; }
    int cpu() const { return cpu_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // For tests: band i's values ("from", "to", "outcome", "label").
    Q_INVOKABLE QVariantMap band(int i) const;
    // Blocks until the latest request is done (tests and benchmarks only).
    Q_INVOKABLE void waitForReady();

    // From the controller: sweep `entry` of `sc` over [from, to] (drawn on lane `cpu`).
    // `eventsPerRun` (the committed run's size) bounds the work: a big scenario gets fewer
    // samples and one thread, so that the drag's own re-simulation keeps a core.
    void request(const scenario::Scenario& sc, int entry, int cpu, qint64 from, qint64 to,
                 int eventsPerRun);
    void clear();

  Q_SIGNALS:
    void stateChanged();
    void bandsChanged();

  private:
    struct Band {
        qint64 from, to;
        QString outcome, label, colour;
    };
    void cancelInFlight();
    void deliver(quint64 generation, std::vector<Band> bands);

    QThreadPool pool_; // one sweep at a time; the sweep itself uses every core
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    std::vector<Band> bands_;
    bool active_ = false, ready_ = false;
    int entry_ = -1, cpu_ = -1;
};

} // namespace uintr::lab
