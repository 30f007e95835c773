// The Qt Quick Test runner for tests/qml/tst_*.qml: the UintrLab module is linked in (static
// plugin) and found under qrc:/. The tests open the seed race through the scenario library
// (the source tree's scenarios/, or $UINTR_LAB_SCENARIOS).
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(UintrLabPlugin)

class Setup : public QObject {
    Q_OBJECT
  public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        // Files a test's CTest fixture wrote (tests/qml_explorer: `uintr-sim explore --json`).
        engine->rootContext()->setContextProperty(QStringLiteral("testDataDir"),
                                                  qEnvironmentVariable("UINTR_TEST_DATA_DIR"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(uintr_lab, Setup)
#include "tst_qml.moc"
