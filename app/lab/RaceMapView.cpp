#include "RaceMapView.h"

#include <QPainter>

namespace uintr::lab {

RaceMapView::RaceMapView(QQuickItem* parent) : QQuickPaintedItem(parent) {
    connect(this, &QQuickItem::widthChanged, this, [this] { update(); });
    connect(this, &QQuickItem::heightChanged, this, [this] { update(); });
}

void RaceMapView::setModel(RaceMapModel* model) {
    if (model == model_) return;
    if (model_) disconnect(model_, nullptr, this, nullptr);
    model_ = model;
    if (model_) connect(model_, &RaceMapModel::mapChanged, this, &RaceMapView::reload);
    reload();
    Q_EMIT modelChanged();
}

void RaceMapView::reload() {
    renderer_.load(model_ ? model_->svg() : QByteArray());
    update();
}

QRectF RaceMapView::target() const {
    const QSizeF svg = renderer_.viewBoxF().size();
    if (svg.isEmpty() || width() <= 0 || height() <= 0) return {};
    const double s = std::min(width() / svg.width(), height() / svg.height());
    const QSizeF size = svg * s;
    return {QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size};
}

void RaceMapView::paint(QPainter* painter) {
    // Cells abut: anti-aliased edges would show hairlines of background between rows.
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (renderer_.isValid()) renderer_.render(painter, target());
}

bool RaceMapView::clickAt(double x, double y) {
    const QRectF t = target();
    if (!model_ || t.isEmpty()) return false;
    const QRectF box = renderer_.viewBoxF();
    return model_->choose(box.x() + (x - t.x()) / t.width() * box.width(),
                          box.y() + (y - t.y()) / t.height() * box.height());
}

QPointF RaceMapView::itemPoint(double svgX, double svgY) const {
    const QRectF t = target();
    const QRectF box = renderer_.viewBoxF();
    if (t.isEmpty()) return {};
    return {t.x() + (svgX - box.x()) / box.width() * t.width(),
            t.y() + (svgY - box.y()) / box.height() * t.height()};
}

} // namespace uintr::lab
