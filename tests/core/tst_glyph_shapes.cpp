// render/GlyphShape: one shape per marker kind, the table both the SVG export (SvgGlyphs.cpp)
// and the app's marker layer draw (docs/svg-export.md, "Reading it in grey": every kind has its
// own shape). The rows pin the export's elements for a marker at (100, 50) on a lane from 20 to
// 80 — the bytes the export wrote before the table existed — so that the shapes move only on
// purpose; the boxes cover what a highlight sits behind.
#include "render/GlyphShape.h"
#include "render/Palette.h"
#include "render/SvgParts.h"

#include <QObject>
#include <QTest>

using namespace uintr::render;

Q_DECLARE_METATYPE(uintr::render::MarkerKind)

class TestGlyphShapes : public QObject {
    Q_OBJECT
  private slots:
    void svgElements_data();
    void svgElements();
    void boxesCoverTheShapes();
};

void TestGlyphShapes::svgElements_data() {
    QTest::addColumn<MarkerKind>("kind");
    QTest::addColumn<QString>("svg");
    QTest::newRow("ContextSwitch")
        << MarkerKind::ContextSwitch
        << QStringLiteral(
               "<rect class=\"m-switch\" x=\"98.5\" y=\"20\" width=\"3\" height=\"60\"/><polygon "
               "class=\"m-switch\" points=\"94,20 106,20 100,28\"/>");
    QTest::newRow("SendUipi") << MarkerKind::SendUipi
                              << QStringLiteral(
                                     "<polygon class=\"m-send\" points=\"100,38 111,60 89,60\"/>");
    QTest::newRow("PirPosted")
        << MarkerKind::PirPosted
        << QStringLiteral("<rect class=\"m-pir\" x=\"95\" y=\"45\" width=\"10\" height=\"10\"/>");
    QTest::newRow("IpiSent") << MarkerKind::IpiSent
                             << QStringLiteral(
                                    "<polygon class=\"m-ipi\" points=\"110,50 92,40 92,60\"/>");
    QTest::newRow("IpiSuppressed")
        << MarkerKind::IpiSuppressed
        << QStringLiteral(
               "<circle class=\"m-suppressed hollow\" cx=\"100\" cy=\"50\" r=\"10\"/><path "
               "class=\"m-suppressed line\" d=\"M93.6 56.4L106.4 43.6\"/>");
    QTest::newRow("IpiArrived")
        << MarkerKind::IpiArrived
        << QStringLiteral("<circle class=\"m-arrived hollow\" cx=\"100\" cy=\"50\" r=\"6\"/>");
    QTest::newRow("NotificationProcessed")
        << MarkerKind::NotificationProcessed
        << QStringLiteral(
               "<rect class=\"m-processed\" x=\"93\" y=\"43\" width=\"14\" height=\"14\"/>");
    QTest::newRow("Spurious")
        << MarkerKind::Spurious
        << QStringLiteral("<polygon class=\"m-spurious\" points=\"100,36 114,50 100,64 86,50\"/>");
    QTest::newRow("KernelVector")
        << MarkerKind::KernelVector
        << QStringLiteral(
               "<polygon class=\"m-kvec hollow\" points=\"100,38 112,50 100,62 88,50\"/>");
    QTest::newRow("SelfIpi")
        << MarkerKind::SelfIpi
        << QStringLiteral("<circle class=\"m-self hollow\" cx=\"100\" cy=\"50\" r=\"10\"/>");
    QTest::newRow("Delivered")
        << MarkerKind::Delivered
        << QStringLiteral("<circle class=\"m-deliver\" cx=\"100\" cy=\"50\" r=\"10\"/>");
    QTest::newRow("Uiret")
        << MarkerKind::Uiret
        << QStringLiteral("<polygon class=\"m-uiret hollow\" points=\"90,41 110,41 100,60\"/>");
    QTest::newRow("Stui")
        << MarkerKind::Stui
        << QStringLiteral(
               "<rect class=\"m-stui hollow\" x=\"94\" y=\"44\" width=\"12\" height=\"12\"/>");
    QTest::newRow("Clui")
        << MarkerKind::Clui
        << QStringLiteral(
               "<rect class=\"m-clui hollow\" x=\"94\" y=\"44\" width=\"12\" height=\"12\"/>");
    QTest::newRow("Testui")
        << MarkerKind::Testui
        << QStringLiteral(
               "<rect class=\"m-testui hollow\" x=\"94\" y=\"44\" width=\"12\" height=\"12\"/>");
    QTest::newRow("Blocked")
        << MarkerKind::Blocked
        << QStringLiteral(
               "<rect class=\"m-blocked\" x=\"93\" y=\"42\" width=\"5\" height=\"16\"/><rect "
               "class=\"m-blocked\" x=\"102\" y=\"42\" width=\"5\" height=\"16\"/>");
    QTest::newRow("Woken")
        << MarkerKind::Woken
        << QStringLiteral("<polygon class=\"m-woken hollow\" points=\"100,39 110,59 90,59\"/>");
    QTest::newRow("Fault")
        << MarkerKind::Fault
        << QStringLiteral("<path class=\"m-fault line\" d=\"M90 40L110 60M90 60L110 40\"/>");
    QTest::newRow("Deferred")
        << MarkerKind::Deferred
        << QStringLiteral(
               "<polygon class=\"m-deferred hollow\" points=\"93,40 107,40 93,60 107,60\"/>");
    QTest::newRow("Other") << MarkerKind::Other
                           << QStringLiteral(
                                  "<circle class=\"m-other\" cx=\"100\" cy=\"50\" r=\"5\"/>");
    static_assert(kMarkerKindCount == 20, "a new marker kind needs its row here");
}

void TestGlyphShapes::svgElements() {
    QFETCH(MarkerKind, kind);
    QFETCH(QString, svg);
    QCOMPARE(QString::fromStdString(svg::glyph(kind, 100, 50, 20, 80)), svg);
}

void TestGlyphShapes::boxesCoverTheShapes() {
    double spuriousArea = 0;
    for (std::size_t k = 0; k < kMarkerKindCount; ++k) {
        const auto kind = static_cast<MarkerKind>(k);
        const GlyphBox b = glyphBox(kind);
        QVERIFY(b.x0 <= 0 && b.x1 >= 0 && b.y0 <= 0 && b.y1 >= 0); // around the anchor
        for (const GlyphPart& part : glyphShape(kind)) {
            if (part.fromLaneTop) continue;
            const double r = part.primitive == GlyphPrimitive::Circle ? part.radius : 0;
            for (int i = 0; i < part.count; ++i) {
                if (part.primitive == GlyphPrimitive::Rect && i == 1) continue; // a size
                const GlyphPoint p = placed(part, i, 0, 0, -100);
                QVERIFY(p.x - r >= b.x0 && p.x + r <= b.x1 && p.y - r >= b.y0 && p.y + r <= b.y1);
            }
        }
        const double area = (b.x1 - b.x0) * (b.y1 - b.y0);
        if (kind == MarkerKind::Spurious) spuriousArea = area;
    }
    // The lesson's marker is the largest glyph.
    for (std::size_t k = 0; k < kMarkerKindCount; ++k) {
        const GlyphBox b = glyphBox(static_cast<MarkerKind>(k));
        QVERIFY((b.x1 - b.x0) * (b.y1 - b.y0) <= spuriousArea);
    }
}

QTEST_APPLESS_MAIN(TestGlyphShapes)
#include "tst_glyph_shapes.moc"
