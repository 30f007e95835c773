#include "RenderCommand.h"

#include "CliInput.h"
#include "SvgRaster.h"
#include "render/SvgWriter.h"
#include "sim/Simulation.h"

#include <QByteArray>
#include <QGuiApplication>
#include <QSaveFile>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace uintr::cli {

namespace {

bool endsWithPng(const std::string& path) {
    return raster::isPngPath(QString::fromStdString(path));
}

// QSaveFile writes OUT's temporary sibling and renames it over OUT on commit: a reader never
// sees half a picture, and a failed export leaves the previous file as it was.
bool writeAtomically(const std::string& path, const QByteArray& bytes, std::string& error) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = file.errorString().toStdString();
        return false;
    }
    return true;
}

} // namespace

std::optional<std::int64_t> parseNs(const std::string& text) {
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc() || r.ptr != end || v < 0) return std::nullopt;
    return v;
}

std::optional<std::vector<std::int64_t>> parseNsList(const std::string& text) {
    std::vector<std::int64_t> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto v = parseNs(text.substr(start, comma - start));
        if (!v) return std::nullopt;
        out.push_back(*v);
        start = comma + 1;
    }
    return out;
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    bool render = false, png = false;
    for (int i = 1; i < argc; ++i) {
        render |= std::strcmp(argv[i], "render") == 0 || std::strcmp(argv[i], "explore") == 0;
        png |= endsWithPng(argv[i]);
    }
    if (!render || !png) return std::make_unique<QCoreApplication>(argc, argv);
    // A CLI must work over ssh and in CI: without a display, render offscreen.
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") &&
        !std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    // Qt's own chatter (e.g. "XDG_RUNTIME_DIR not set" when run as a service) would break the
    // contract of cli.md: stderr carries our one-line errors only.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& msg) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "uintr-sim: Qt: " << msg.toStdString() << "\n";
    });
    return std::make_unique<QGuiApplication>(argc, argv);
}

int renderCommand(const RenderOptions& o) {
    const auto in = loadWithOverrides(o.common.scenarioPath, o.common.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    model::Trace trace;
    sim::Simulation s(*in.scenario);
    s.setTrace(&trace);
    s.run();
    if (s.hitStepLimit()) {
        std::cerr << o.common.scenarioPath << ": internal error: the run exceeded "
                  << sim::Simulation::kStepLimit << " steps\n";
        return InternalError;
    }

    render::SvgOptions svgOptions;
    svgOptions.from = o.from;
    svgOptions.to = o.to;
    svgOptions.dark = o.dark;
    svgOptions.narration = o.narration;
    svgOptions.annotateAt = o.annotateAt;
    const std::string svg = render::writeSvg(*in.scenario, trace, svgOptions);

    if (o.output == "-") {
        std::cout << svg;
        return Ok;
    }
    QByteArray bytes;
    std::string error;
    if (endsWithPng(o.output)) {
        QString why;
        if (!raster::svgToPng(QByteArray::fromStdString(svg), o.scale, bytes, why)) {
            std::cerr << o.output << ": internal error: " << why.toStdString() << "\n";
            return InternalError;
        }
    } else {
        bytes = QByteArray::fromStdString(svg);
    }
    if (!writeAtomically(o.output, bytes, error)) {
        std::cerr << o.output << ": cannot write: " << error << "\n";
        return BadInput;
    }
    return Ok;
}

int renderCommand(const Options& common, const QCommandLineParser& parser) {
    auto usage = [](const std::string& message) {
        std::cerr << "uintr-sim: render: " << message << " (see uintr-sim --help)\n";
        return BadInput;
    };
    RenderOptions r;
    r.common = common;
    r.output = parser.value("output").toStdString();
    if (r.output.empty()) return usage("missing -o OUT.svg or -o OUT.png");
    for (const char* name : {"from", "to"}) {
        if (!parser.isSet(name)) continue;
        const auto v = parseNs(parser.value(name).toStdString());
        if (!v) return usage(std::string("--") + name + " takes a time in ns >= 0");
        (std::strcmp(name, "from") == 0 ? r.from : r.to) = v;
    }
    if (r.from && r.to && *r.from >= *r.to) return usage("--from must be before --to");
    if (parser.isSet("scale")) {
        bool ok = false;
        r.scale = parser.value("scale").toDouble(&ok);
        if (!ok || !(r.scale >= 0.1 && r.scale <= 8))
            return usage("--scale takes a number from 0.1 to 8");
    }
    for (const QString& list : parser.values("annotate")) {
        const auto instants = parseNsList(list.toStdString());
        if (!instants) return usage("--annotate takes T1,T2,... in ns >= 0");
        r.annotateAt.insert(r.annotateAt.end(), instants->begin(), instants->end());
    }
    r.dark = parser.isSet("dark");
    r.narration = parser.isSet("narration");
    return renderCommand(r);
}

} // namespace uintr::cli
