// Draws the race map's SVG (RaceMapModel::svg, the CLI's picture) scaled to fit, keeping its
// aspect, and turns a click into a point of the map (RaceMapModel::choose).
#pragma once

#include "RaceMapModel.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QSvgRenderer>
#include <QtQml/qqmlregistration.h>

namespace uintr::lab {

class RaceMapView : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(uintr::lab::RaceMapModel* model READ model WRITE setModel NOTIFY modelChanged)
  public:
    explicit RaceMapView(QQuickItem* parent = nullptr);

    RaceMapModel* model() const { return model_; }
    void setModel(RaceMapModel* model);
    void paint(QPainter* painter) override;

    // A click at (x, y) in item coordinates: true when it chose a point of the map.
    Q_INVOKABLE bool clickAt(double x, double y);
    // Where the SVG's point (svgX, svgY) is drawn, in item coordinates (tests).
    Q_INVOKABLE QPointF itemPoint(double svgX, double svgY) const;

  Q_SIGNALS:
    void modelChanged();

  private:
    QRectF target() const; // where the SVG is drawn
    void reload();

    QPointer<RaceMapModel> model_;
    QSvgRenderer renderer_;
};

} // namespace uintr::lab
