#include "SceneTriangles.h"

#include <QImage>
#include <QPainter>
#include <QPolygonF>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGVertexColorMaterial>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace uintr::lab::scene {

namespace {
QSGGeometry::ColoredPoint2D vertex(double x, double y, const QColor& c, double alpha) {
    // QSGVertexColorMaterial expects premultiplied colours.
    const double a = std::clamp(c.alphaF() * alpha, 0.0, 1.0);
    QSGGeometry::ColoredPoint2D v;
    v.set(static_cast<float>(x), static_cast<float>(y), static_cast<uchar>(c.red() * a),
          static_cast<uchar>(c.green() * a), static_cast<uchar>(c.blue() * a),
          static_cast<uchar>(255 * a));
    return v;
}
} // namespace

void triangle(Triangles& out, double ax, double ay, double bx, double by, double cx, double cy,
              const QColor& c) {
    out.push_back(vertex(ax, ay, c, 1));
    out.push_back(vertex(bx, by, c, 1));
    out.push_back(vertex(cx, cy, c, 1));
}

void quad(Triangles& out, double x0, double y0, double x1, double y1, const QColor& c,
          double alpha) {
    const auto a = vertex(x0, y0, c, alpha), b = vertex(x1, y0, c, alpha),
               d = vertex(x0, y1, c, alpha), e = vertex(x1, y1, c, alpha);
    out.insert(out.end(), {a, b, d, b, e, d});
}

void frame(Triangles& out, double x0, double y0, double x1, double y1, double w, const QColor& c) {
    w = std::min({w, (x1 - x0) / 2, (y1 - y0) / 2});
    if (w <= 0) return;
    quad(out, x0, y0, x1, y0 + w, c);
    quad(out, x0, y1 - w, x1, y1, c);
    quad(out, x0, y0 + w, x0 + w, y1 - w, c);
    quad(out, x1 - w, y0 + w, x1, y1 - w, c);
}

void line(Triangles& out, double x0, double y0, double x1, double y1, double w, const QColor& c) {
    const double dx = x1 - x0, dy = y1 - y0, len = std::hypot(dx, dy);
    if (len <= 0) return;
    const double nx = -dy / len * w / 2, ny = dx / len * w / 2;
    const auto a = vertex(x0 + nx, y0 + ny, c, 1), b = vertex(x1 + nx, y1 + ny, c, 1),
               d = vertex(x0 - nx, y0 - ny, c, 1), e = vertex(x1 - nx, y1 - ny, c, 1);
    out.insert(out.end(), {a, b, d, b, e, d});
}

void fan(Triangles& out, const QPolygonF& polygon, const QColor& c) {
    if (polygon.size() < 3) return;
    QPointF centre;
    for (const QPointF& p : polygon)
        centre += p;
    centre /= static_cast<double>(polygon.size());
    for (qsizetype i = 0; i < polygon.size(); ++i) {
        const QPointF& a = polygon[i];
        const QPointF& b = polygon[(i + 1) % polygon.size()];
        triangle(out, centre.x(), centre.y(), a.x(), a.y(), b.x(), b.y(), c);
    }
}

void stroke(Triangles& out, const QPolygonF& points, bool closed, double w, const QColor& c) {
    const qsizetype n = points.size();
    for (qsizetype i = 0; i + 1 < n + (closed ? 1 : 0); ++i) {
        const QPointF a = points[i], b = points[(i + 1) % n];
        const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (len <= 0) continue;
        // Each piece reaches w/2 past its ends: the corners are filled.
        const QPointF d = (b - a) / len * (w / 2);
        line(out, a.x() - d.x(), a.y() - d.y(), b.x() + d.x(), b.y() + d.y(), w, c);
    }
}

QSGNode* node(QSGNode* old, const Triangles& vertices) {
    auto* n = static_cast<QSGGeometryNode*>(old);
    if (!n) {
        n = new QSGGeometryNode;
        auto* g = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        g->setDrawingMode(QSGGeometry::DrawTriangles);
        n->setGeometry(g);
        n->setFlag(QSGNode::OwnsGeometry);
        n->setMaterial(new QSGVertexColorMaterial);
        n->setFlag(QSGNode::OwnsMaterial);
    }
    QSGGeometry* g = n->geometry();
    g->allocate(static_cast<int>(vertices.size()));
    if (!vertices.empty())
        std::memcpy(g->vertexDataAsColoredPoint2D(), vertices.data(),
                    vertices.size() * sizeof(QSGGeometry::ColoredPoint2D));
    n->markDirty(QSGNode::DirtyGeometry);
    return n;
}

namespace {
// Six vertices from quad(): a, b, d, b, e, d of an axis-aligned rectangle in one colour.
bool rectangleAt(const Triangles& v, std::size_t i, QRectF* rect) {
    if (i + 6 > v.size()) return false;
    const auto &a = v[i], &b = v[i + 1], &d = v[i + 2], &e = v[i + 4];
    const auto same = [](const QSGGeometry::ColoredPoint2D& p,
                         const QSGGeometry::ColoredPoint2D& q) {
        return p.x == q.x && p.y == q.y && p.r == q.r && p.g == q.g && p.b == q.b && p.a == q.a;
    };
    if (!same(v[i + 3], b) || !same(v[i + 5], d)) return false;
    if (a.y != b.y || a.x != d.x || e.x != b.x || e.y != d.y) return false;
    if (a.r != b.r || a.r != d.r || a.r != e.r || a.g != e.g || a.b != e.b || a.a != e.a)
        return false;
    *rect = QRectF(QPointF(a.x, a.y), QPointF(e.x, e.y)).normalized();
    return true;
}

QColor colourOf(const QSGGeometry::ColoredPoint2D& v) {
    // Premultiplied vertex colours back to a QColor.
    const int alpha = v.a;
    const auto un = [&](uchar c) { return alpha ? std::min(255, c * 255 / alpha) : 0; };
    return QColor(un(v.r), un(v.g), un(v.b), alpha);
}
} // namespace

QSGNode* imageNode(QSGNode* old, const Triangles& vertices, QQuickWindow& window,
                   const QRectF& rect, QImage& image) {
    // Only the box the triangles cover: an empty layer (no dense lane, no arrow in view) or a
    // few arrows cost a few pixels to fill, convert and blend, not the whole timeline.
    QRectF box;
    if (!vertices.empty()) {
        float x0 = vertices.front().x, y0 = vertices.front().y, x1 = x0, y1 = y0;
        for (const auto& v : vertices) {
            x0 = std::min(x0, v.x);
            y0 = std::min(y0, v.y);
            x1 = std::max(x1, v.x);
            y1 = std::max(y1, v.y);
        }
        box = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    }
    return imageNode(old, window, rect, box, image, [&](QPainter& p) {
        p.setPen(Qt::NoPen);
        // Most triangles come in pairs from quad(): the raster engine fills a rectangle far
        // faster than it scan-converts two polygons.
        QRectF r;
        for (std::size_t i = 0; i + 2 < vertices.size();) {
            if (rectangleAt(vertices, i, &r)) {
                p.fillRect(r, colourOf(vertices[i]));
                i += 6;
                continue;
            }
            const auto& a = vertices[i];
            p.setBrush(colourOf(a));
            const QPointF points[3] = {{a.x, a.y},
                                       {vertices[i + 1].x, vertices[i + 1].y},
                                       {vertices[i + 2].x, vertices[i + 2].y}};
            p.drawConvexPolygon(points, 3);
            i += 3;
        }
    });
}

QSGNode* imageNode(QSGNode* old, QQuickWindow& window, const QRectF& rect, QRectF box,
                   QImage& image, const std::function<void(QPainter&)>& paint) {
    auto* n = static_cast<QSGImageNode*>(old);
    if (!n) n = window.createImageNode();
    const qreal dpr = window.effectiveDevicePixelRatio();
    if (!box.isEmpty())
        box = QRectF(QPointF(std::floor(box.left()), std::floor(box.top())),
                     QPointF(std::ceil(box.right()), std::ceil(box.bottom())))
                  .intersected(rect);
    const bool empty = box.isEmpty();
    if (empty) box = QRectF(rect.topLeft(), QSizeF(1, 1)); // nothing: one clear pixel
    const QSize size(std::max(1, static_cast<int>(std::ceil(box.width() * dpr))),
                     std::max(1, static_cast<int>(std::ceil(box.height() * dpr))));
    // The layer keeps its image: a frame repaints it instead of allocating megabytes. The
    // previous frame's texture may still share it (then a fill would copy it first): a new one.
    if (image.size() != size || !image.isDetached())
        image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (!empty) {
        QPainter p(&image);
        p.scale(dpr, dpr);
        p.translate(-box.topLeft());
        paint(p);
    }
    n->setTexture(window.createTextureFromImage(image, QQuickWindow::TextureHasAlphaChannel));
    n->setOwnsTexture(true);
    n->setRect(box);
    return n;
}

} // namespace uintr::lab::scene
