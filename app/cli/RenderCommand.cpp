#include "RenderCommand.h"

#include "CliArguments.h"
#include "CliInput.h"
#include "CliOutput.h"
#include "SvgRaster.h"
#include "render/SvgWriter.h"
#include "scenario/Limits.h"
#include "sim/Simulation.h"

#include <QByteArray>
#include <QGuiApplication>
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

} // namespace

std::optional<std::int64_t> parseNs(const std::string& text) {
    std::int64_t v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc() || r.ptr != end || v < 0 ||
        v > scenario::limits::kMaxTimeNs)
        return std::nullopt;
    return v;
}

std::string nsProblem(const std::string& text) {
    return "'" + oneLine(text) + "' is not a time in ns from 0 to " +
           std::to_string(scenario::limits::kMaxTimeNs) + " (limits::kMaxTimeNs)";
}

std::optional<std::vector<std::int64_t>> parseNsList(const std::string& text,
                                                     std::string& problem) {
    std::vector<std::int64_t> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        const auto v = parseNs(item);
        if (!v) {
            problem = nsProblem(item);
            return std::nullopt;
        }
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
        std::cerr << oneLine(o.common.scenarioPath) << ": internal error: the run exceeded "
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
        return stdoutResult(Ok);
    }
    QByteArray bytes;
    if (endsWithPng(o.output)) {
        const QByteArray svgBytes = QByteArray::fromStdString(svg);
        if (const QString big = raster::pngTooLarge(svgBytes, o.scale); !big.isEmpty()) {
            std::cerr << oneLine(o.output) << ": " << big.toStdString() << "\n";
            return BadInput;
        }
        QString why;
        if (!raster::svgToPng(svgBytes, o.scale, bytes, why)) {
            std::cerr << oneLine(o.output) << ": internal error: " << why.toStdString() << "\n";
            return InternalError;
        }
    } else {
        bytes = QByteArray::fromStdString(svg);
    }
    if (const auto failed = writeFile(
            o.output, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
        return outputError(o.output, *failed);
    return Ok;
}

int renderCommand(const Options& common, const QCommandLineParser& parser) {
    const auto usage = [](const std::string& option, const std::string& message) {
        std::cerr << "uintr-sim: " << option << ": " << oneLine(message) << "\n";
        return BadInput;
    };
    const auto bytesOf = [&](const char* name) { return toBytes(parser.value(name)); };
    RenderOptions r;
    r.common = common;
    r.output = bytesOf("output");
    if (r.output.empty()) return usage("-o", "missing (render -o OUT.svg or -o OUT.png)");
    for (const char* name : {"from", "to"}) {
        if (!parser.isSet(name)) continue;
        const auto v = parseNs(bytesOf(name));
        if (!v) return usage(std::string("--") + name, nsProblem(bytesOf(name)));
        (std::strcmp(name, "from") == 0 ? r.from : r.to) = v;
    }
    if (r.from && r.to && *r.from >= *r.to)
        return usage("--from",
                     std::to_string(*r.from) + " is not before --to " + std::to_string(*r.to));
    if (parser.isSet("scale")) {
        bool ok = false;
        r.scale = parser.value("scale").toDouble(&ok);
        if (!ok || !(r.scale >= 0.1 && r.scale <= 8))
            return usage("--scale", "'" + bytesOf("scale") + "' is not a number from 0.1 to 8");
    }
    for (const QString& list : parser.values("annotate")) {
        std::string problem;
        const auto instants = parseNsList(toBytes(list), problem);
        if (!instants) return usage("--annotate", problem);
        r.annotateAt.insert(r.annotateAt.end(), instants->begin(), instants->end());
    }
    // Each instant replays the run and draws a panel: bounded, like every input (docs/limits.md).
    std::sort(r.annotateAt.begin(), r.annotateAt.end());
    r.annotateAt.erase(std::unique(r.annotateAt.begin(), r.annotateAt.end()), r.annotateAt.end());
    if (r.annotateAt.size() > kMaxAnnotateInstants)
        return usage("--annotate", std::to_string(r.annotateAt.size()) + " instants; at most " +
                                       std::to_string(kMaxAnnotateInstants) +
                                       " (kMaxAnnotateInstants)");
    r.dark = parser.isSet("dark");
    r.narration = parser.isSet("narration");
    return renderCommand(r);
}

} // namespace uintr::cli
