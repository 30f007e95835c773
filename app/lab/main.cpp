// uintr-lab [SCENARIO] [--screenshot OUT.png] [--width W --height H] [--dark] [--scale S]
//           [--at NS] [--why KIND]
//
// Opens SCENARIO (the seed race when none is given). --screenshot renders the window offscreen
// once its first frames are drawn, writes the PNG and exits: 0 on success, 2 with the loader's
// one line on a bad scenario, 3 when the picture cannot be written.
#include "LabController.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(UintrLabPlugin)

namespace {

struct Options {
    QString scenario;
    QString screenshot;
    int width = 1600;
    int height = 1000;
    bool dark = false;
    bool reducedMotion = false;
    bool presenter = false;
    double scale = 1.0;
    qint64 at = -1; // playhead
    QString why;    // select the first event of this kind (trace spelling) for Why
    bool predict = false;
};

Options parse(const QCoreApplication& app) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("UINTR Lab: Intel User Interrupts, simulated and drawn for teaching."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument("scenario", "The scenario to open (default: the seed race).",
                            "[SCENARIO]");
    const QCommandLineOption shot("screenshot", "Render the window to OUT.png and exit.",
                                  "OUT.png");
    const QCommandLineOption width("width", "Window width in pixels (default 1600).", "W");
    const QCommandLineOption height("height", "Window height in pixels (default 1000).", "H");
    const QCommandLineOption dark("dark", "Use the dark palette.");
    const QCommandLineOption presenter(
        "presenter",
        "Presenter mode: an audience window too (--screenshot also writes OUT-audience.png).");
    const QCommandLineOption still("reduced-motion", "No animation of the interrupt flow.");
    const QCommandLineOption scale("scale", "Presentation scale, e.g. 1.5 (default 1).", "S");
    const QCommandLineOption at("at", "Put the playhead at NS nanoseconds.", "NS");
    const QCommandLineOption why("why",
                                 "Show why the first event of KIND happened, e.g. "
                                 "spurious_notification.",
                                 "KIND");
    const QCommandLineOption predict(
        "predict", "Step to the lesson's first predict step: its question on screen, as in class.");
    p.addOptions({shot, width, height, dark, still, presenter, scale, at, why, predict});
    p.process(app);
    Options o;
    if (!p.positionalArguments().isEmpty()) o.scenario = p.positionalArguments().first();
    o.screenshot = p.value(shot);
    bool ok = true;
    if (p.isSet(width)) o.width = std::max(400, p.value(width).toInt(&ok));
    if (p.isSet(height)) o.height = std::max(300, p.value(height).toInt(&ok));
    if (p.isSet(scale)) o.scale = p.value(scale).toDouble(&ok);
    if (!ok || o.scale < 0.5 || o.scale > 4) {
        std::fprintf(stderr, "uintr-lab: --width, --height and --scale take numbers "
                             "(scale 0.5..4)\n");
        std::exit(2);
    }
    if (p.isSet(at)) o.at = p.value(at).toLongLong(&ok);
    if (!ok) {
        std::fprintf(stderr, "uintr-lab: --at takes nanoseconds\n");
        std::exit(2);
    }
    o.dark = p.isSet(dark);
    o.reducedMotion = p.isSet(still);
    o.presenter = p.isSet(presenter);
    o.why = p.value(why);
    o.predict = p.isSet(predict);
    return o;
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("uintr-lab"));
    QCoreApplication::setApplicationName(QStringLiteral("uintr-lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UINTR_LAB_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("UINTR Lab"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    const Options o = parse(app);
    const bool screenshot = !o.screenshot.isEmpty();

    uintr::lab::LabController lab;
    lab.document()->setRememberRecent(!screenshot);
    if (!screenshot)
        lab.document()->enableAutosave(); // a crash must not lose the lesson being edited
    QString startupError;
    const bool opened =
        o.scenario.isEmpty() ? lab.document()->openDefault() : lab.document()->openFile(o.scenario);
    if (!opened) {
        startupError = lab.lastError();
        if (screenshot) {
            // The loader's one line, as the CLI prints it (cli.md exit code 2).
            std::fprintf(stderr, "%s\n", qPrintable(startupError));
            return 2;
        }
        lab.document()
            ->openDefault(); // the app still opens, on the seed race, and says what went wrong
    }
    if (!o.why.isEmpty()) {
        const int event = lab.findEvent(o.why);
        lab.selectEvent(event);
        if (event >= 0 && o.at < 0) lab.playback()->stepTo(event);
    }
    if (o.at >= 0) lab.playback()->setPlayhead(o.at);
    if (o.predict) { // as a class would get there: → from the start until the lesson asks
        lab.playback()->toStart();
        while (!lab.narration()->asking() && lab.playback()->currentEvent() + 1 < lab.eventCount())
            lab.playback()->stepNext();
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{"controller", QVariant::fromValue(&lab)},
                                 {"width", o.width},
                                 {"height", o.height},
                                 {"dark", o.dark},
                                 {"reducedMotion", o.reducedMotion},
                                 {"presenting", o.presenter},
                                 {"presentationScale", o.scale},
                                 {"startupError", startupError}});
    engine.load(QUrl(QStringLiteral("qrc:/UintrLab/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 3;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) return 3;
    if (!screenshot) return app.exec();

    // Grab once a few frames have been swapped (the first can precede text layout), with a
    // deadline in case the platform never reports frames.
    int frames = 0;
    bool done = false;
    const auto grab = [&] {
        if (done) return;
        done = true;
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(o.screenshot)) {
            std::fprintf(stderr, "uintr-lab: cannot write %s\n", qPrintable(o.screenshot));
            app.exit(3);
            return;
        }
        // Presenter mode: the audience window beside it, OUT-audience.png.
        if (auto* audience = window->findChild<QQuickWindow*>(QStringLiteral("audienceWindow"));
            audience && audience->isVisible()) {
            QString path = o.screenshot;
            path.insert(path.lastIndexOf(QLatin1Char('.')), QStringLiteral("-audience"));
            if (!audience->grabWindow().save(path)) {
                std::fprintf(stderr, "uintr-lab: cannot write %s\n", qPrintable(path));
                app.exit(3);
                return;
            }
        }
        app.exit(0);
    };
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (++frames == 3)
            QTimer::singleShot(0, &app, grab);
        else
            window->update();
    });
    QTimer::singleShot(5000, &app, grab);
    window->show();
    return app.exec();
}
