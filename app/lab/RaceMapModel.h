// The race-map panel's data: the same 2-D sweep and the same picture as
// `uintr-sim explore --vary A --vary B -o map.svg` (render::writeRaceMapSvg), for the document on
// screen, computed off the GUI thread whenever the panel is open and the document or an axis
// changes (latest request wins, as the race strip). Choosing a point of the map (choose())
// asks the controller to move the entries there: one undo step.
#pragma once

#include "analysis/RaceExplorer.h"
#include "render/RaceMap.h"
#include "scenario/Scenario.h"

#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QThreadPool>
#include <QtQml/qqmlregistration.h>
#include <atomic>
#include <memory>
#include <optional>

namespace uintr::lab {

class RaceMapModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabController owns the race map")
    // The panel is open: only then is the map computed.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    // What the axes can vary: the entries with an id, then the machine and kernel parameters.
    Q_PROPERTY(QStringList choices READ choices NOTIFY choicesChanged)
    Q_PROPERTY(int axisA READ axisA WRITE setAxisA NOTIFY stateChanged)
    Q_PROPERTY(int axisB READ axisB WRITE setAxisB NOTIFY stateChanged)
    Q_PROPERTY(QByteArray svg READ svg NOTIFY mapChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY mapChanged)
    Q_PROPERTY(int runs READ runs NOTIFY mapChanged)
  public:
    explicit RaceMapModel(QObject* parent = nullptr);
    ~RaceMapModel() override;

    bool enabled() const { return enabled_; }
    void setEnabled(bool on);
    bool busy() const { return busy_; }
    QStringList choices() const { return choices_; }
    int axisA() const { return axisA_; }
    void setAxisA(int i);
    int axisB() const { return axisB_; }
    void setAxisB(int i);
    const QByteArray& svg() const { return svg_; }
    QString summary() const { return summary_; }
    int runs() const { return runs_; }

    // The point of the map under (x, y) in the SVG's own coordinates; false outside the plot.
    Q_INVOKABLE bool choose(double svgX, double svgY);
    // The centre of point (a, b) of the map in the SVG's coordinates (tests, keyboard).
    Q_INVOKABLE QPointF centreOf(qint64 a, qint64 b) const;
    Q_INVOKABLE void waitForReady(); // tests only

    // From the controller: the document changed.
    void setScenario(const scenario::Scenario& sc);

    // Points per axis at most (an axis over a long span gets a step).
    static constexpr std::int64_t kPointsPerAxis = 150;

  Q_SIGNALS:
    void stateChanged();
    void choicesChanged();
    void mapChanged();
    // The user chose a point: set each axis to its value (the controller's one undo step).
    void pointChosen(const std::vector<uintr::analysis::Axis>& axes,
                     const std::vector<std::int64_t>& values);

  private:
    std::optional<analysis::Axis> axisFor(int choice) const;
    void recompute();
    void deliver(quint64 generation, analysis::Grid grid, std::string svg);

    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0;
    std::optional<scenario::Scenario> scenario_;
    QStringList choices_;
    int axisA_ = -1, axisB_ = -1;
    bool enabled_ = false, busy_ = false;
    std::optional<analysis::Grid> grid_; // what svg_ shows
    QByteArray svg_;
    QString summary_;
    int runs_ = 0;
};

} // namespace uintr::lab
