// Building blocks of the timeline's scene-graph layers (DensityItem, SegmentsItem, ArrowsItem):
// a layer is one QSGGeometryNode of coloured triangles, rebuilt from the shared geometry
// (render::TimelineGeometry via TimelineView) when the layout changes — one node, one draw
// call, however many items the viewport holds.
#pragma once

#include <QColor>
#include <QPolygonF>
#include <QSGGeometry>
#include <functional>
#include <vector>

class QImage;
class QPainter;
class QSGNode;
class QQuickWindow;
class QRectF;

namespace uintr::lab::scene {

using Triangles = std::vector<QSGGeometry::ColoredPoint2D>;

// An axis-aligned rectangle; `alpha` multiplies the colour's own.
void quad(Triangles& out, double x0, double y0, double x1, double y1, const QColor& c,
          double alpha = 1.0);
// The outline of a rectangle, `w` wide, inside it.
void frame(Triangles& out, double x0, double y0, double x1, double y1, double w, const QColor& c);
// A straight stroke of width w from (x0, y0) to (x1, y1).
void line(Triangles& out, double x0, double y0, double x1, double y1, double w, const QColor& c);
void triangle(Triangles& out, double ax, double ay, double bx, double by, double cx, double cy,
              const QColor& c);

// A polygon as a fan around its centre: convex shapes and the hourglass (whose centre is where
// its two lobes meet) — what the marker glyphs are.
void fan(Triangles& out, const QPolygonF& polygon, const QColor& c);
// A stroke along `points` (closed: back to the first), `w` wide; the corners squared off.
void stroke(Triangles& out, const QPolygonF& points, bool closed, double w, const QColor& c);

// `old` (or a new node) holding exactly `vertices`, vertex-coloured, drawn as triangles.
QSGNode* node(QSGNode* old, const Triangles& vertices);
// The same triangles painted into one image node covering `rect`: for the software backend,
// which draws no custom geometry. `image` is the caller's, reused from frame to frame.
QSGNode* imageNode(QSGNode* old, const Triangles& vertices, QQuickWindow& window,
                   const QRectF& rect, QImage& image);
// An image node showing what `paint` draws inside `box` (item coordinates; clipped to `rect`).
QSGNode* imageNode(QSGNode* old, QQuickWindow& window, const QRectF& rect, QRectF box,
                   QImage& image, const std::function<void(QPainter&)>& paint);

} // namespace uintr::lab::scene
