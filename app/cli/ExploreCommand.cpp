#include "ExploreCommand.h"

#include "CliArguments.h"
#include "CliInput.h"
#include "CliOutput.h"
#include "RenderCommand.h"
#include "SvgRaster.h"
#include "analysis/RaceExplorer.h"
#include "render/RaceMap.h"
#include "scenario/ScenarioIO.h"

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

namespace uintr::cli {

namespace {

using json = nlohmann::ordered_json;

int usage(const std::string& option, const std::string& message) {
    std::cerr << "uintr-sim: " << option << ": " << oneLine(message) << "\n";
    return BadInput;
}

json outcomeJson(const analysis::Outcome& o) {
    json j{{"outcome", analysis::info(o.cls()).name},
           {"spurious", o.spurious},
           {"delivered", o.delivered},
           {"pending", o.pending},
           {"lost", o.lost},
           {"never_woken", o.neverWoken},
           {"storm", o.storm}};
    if (o.maxDelayNs >= 0) j["delay_ns"] = {{"min", o.minDelayNs}, {"max", o.maxDelayNs}};
    if (!o.valid) j["valid"] = false;
    return j;
}

json axesJson(const scenario::Scenario& sc, const std::vector<analysis::Axis>& axes) {
    json out = json::array();
    for (const auto& a : axes)
        out.push_back({{"name", a.name},
                       {"key", analysis::axisKey(sc, a)},
                       {"from", a.from},
                       {"to", a.to},
                       {"step", a.step},
                       {"scenario", analysis::axisValue(sc, a)}});
    return out;
}

std::string describeOutcome(const analysis::Outcome& o) {
    if (!o.valid) return "not a valid scenario (a task would run on two CPUs)";
    std::string s = std::string(analysis::info(o.cls()).label) + ": " + std::to_string(o.spurious) +
                    " spurious, " + std::to_string(o.delivered) + " delivered";
    if (o.maxDelayNs >= 0)
        s += o.minDelayNs == o.maxDelayNs ? " after " + std::to_string(o.maxDelayNs) + " ns"
                                          : " after " + std::to_string(o.minDelayNs) + ".." +
                                                std::to_string(o.maxDelayNs) + " ns";
    if (o.pending) s += ", " + std::to_string(o.pending) + " pending";
    if (o.neverWoken) s += ", " + std::to_string(o.neverWoken) + " never woken";
    if (o.lost) s += ", " + std::to_string(o.lost) + " lost";
    if (o.storm) s += ", storm";
    return s;
}

std::string describeRange(const scenario::Scenario& sc, const analysis::Axis& a) {
    return analysis::axisKey(sc, a) + " " + std::to_string(a.from) + ".." + std::to_string(a.to) +
           (a.step > 1 ? ":" + std::to_string(a.step) : "");
}

// OUT written whole or not at all (CliOutput.h: only complete regular files replace old ones).
int writeOut(const std::string& path, const QByteArray& bytes) {
    if (path == "-") {
        std::cout << std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        return stdoutResult(Ok);
    }
    if (const auto failed = writeFile(
            path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
        return outputError(path, *failed);
    return Ok;
}

int find(const scenario::Scenario& sc, const std::vector<analysis::Axis>& axes,
         analysis::OutcomeClass wanted, const analysis::SweepOptions& options, bool asJson,
         const std::string& output) {
    auto result = analysis::findFirst(sc, axes, wanted, options);
    if (auto* error = std::get_if<std::string>(&result)) return usage("--vary", *error);
    const auto& search = std::get<analysis::Search>(result);
    const std::string_view name = analysis::info(wanted).name;
    std::string ranges;
    for (const auto& a : axes)
        ranges += (ranges.empty() ? "" : " × ") + describeRange(sc, a);

    std::optional<scenario::Scenario> witness;
    if (search.witness) {
        witness = analysis::atPoint(sc, axes, search.witness->values);
        std::string where;
        for (std::size_t i = 0; i < axes.size(); ++i)
            where += (i ? ", " : "") + analysis::axisKey(sc, axes[i]) + " = " +
                     std::to_string(search.witness->values[i]) + " ns";
        witness->summary += (witness->summary.empty() ? "" : " ") + std::string("Witness of '") +
                            std::string(name) + "' found by uintr-sim explore --find: " + where +
                            ".";
    }
    if (asJson) {
        json j{{"find", name}, {"axes", axesJson(sc, axes)}, {"runs", search.runs}};
        if (search.witness) {
            json at = json::object();
            for (std::size_t i = 0; i < axes.size(); ++i)
                at[analysis::axisKey(sc, axes[i])] = search.witness->values[i];
            j["witness"] = at;
            j["outcome"] = outcomeJson(search.witness->outcome);
            j["scenario"] = json::parse(scenario::saveScenarioText(*witness));
        } else {
            j["witness"] = nullptr;
        }
        std::cout << j.dump(2) << "\n";
    }
    if (!search.witness) {
        if (!asJson)
            std::cout << "no witness: no point of " << ranges << " shows " << name << " ("
                      << search.runs << " runs)\n";
        return stdoutResult(ExpectationFailed);
    }
    const std::string text = scenario::saveScenarioText(*witness);
    if (!output.empty()) {
        if (const int failed = stdoutResult(Ok)) return failed; // the JSON report, if any
        return writeOut(output, QByteArray::fromStdString(text));
    }
    if (!asJson) std::cout << text;
    return stdoutResult(Ok);
}

void printText(const scenario::Scenario& sc, const analysis::Grid& g) {
    std::cout << "# " << sc.title << "\n";
    if (g.axes.size() == 1) {
        std::cout << "# varying " << describeRange(sc, g.axes[0]) << ": " << g.runs << " points\n";
        for (const auto& w : analysis::windows(g))
            std::cout << "  " << w.from << " .. " << w.to << " ns: " << describeOutcome(w.outcome)
                      << "\n";
        return;
    }
    std::cout << "# race map of " << describeRange(sc, g.axes[0]) << " × "
              << describeRange(sc, g.axes[1]) << ": " << g.runs << " runs\n";
    std::map<analysis::OutcomeClass, std::uint64_t> counts;
    for (const auto& o : g.cells)
        ++counts[o.cls()];
    for (const auto& [cls, n] : counts)
        std::cout << "  " << analysis::info(cls).label << ": " << n << " points\n";
    const auto own = analysis::runOutcome(sc);
    std::cout << "  this scenario (" << analysis::axisKey(sc, g.axes[0]) << " = "
              << analysis::axisValue(sc, g.axes[0]) << ", " << analysis::axisKey(sc, g.axes[1])
              << " = " << analysis::axisValue(sc, g.axes[1]) << "): " << describeOutcome(own)
              << "\n";
}

json gridJson(const scenario::Scenario& sc, const analysis::Grid& g) {
    json j;
    if (g.axes.size() == 1) {
        j["vary"] = g.axes[0].name;
        j["windows"] = json::array();
        for (const auto& w : analysis::windows(g)) {
            json win{{"from", w.from},
                     {"to", w.to},
                     {"spurious", w.outcome.spurious},
                     {"delivered", w.outcome.delivered}};
            const json more = outcomeJson(w.outcome);
            for (const auto& [k, v] : more.items())
                if (!win.contains(k)) win[k] = v;
            win["label"] = render::windowLabel(w);
            j["windows"].push_back(win);
        }
    } else {
        j["vary"] = {g.axes[0].name, g.axes[1].name};
        // The classes present, then rows[i0][i1] as indices into them (a 300 × 300 map stays
        // under half a megabyte).
        std::vector<analysis::OutcomeClass> present;
        std::map<analysis::OutcomeClass, int> index;
        for (const auto& o : g.cells)
            index.emplace(o.cls(), 0);
        json classes = json::array();
        for (auto& [cls, i] : index) {
            i = static_cast<int>(classes.size());
            classes.push_back(analysis::info(cls).name);
        }
        j["classes"] = classes;
        json rows = json::array();
        for (std::int64_t a = 0; a < g.count(0); ++a) {
            json row = json::array();
            for (std::int64_t b = 0; b < g.count(1); ++b)
                row.push_back(index[g.at(a, b).cls()]);
            rows.push_back(std::move(row));
        }
        j["rows"] = std::move(rows);
    }
    j["axes"] = axesJson(sc, g.axes);
    j["runs"] = g.runs;
    return j;
}

} // namespace

int exploreCommand(const Options& common, const QCommandLineParser& parser) {
    const auto in = loadWithOverrides(common.scenarioPath, common.sets);
    if (!in.scenario) {
        std::cerr << in.error << "\n";
        return BadInput;
    }
    const scenario::Scenario& sc = *in.scenario;

    std::vector<analysis::Axis> axes;
    for (const QString& spec : parser.values("vary")) {
        auto parsed = analysis::parseAxis(sc, toBytes(spec));
        if (auto* error = std::get_if<std::string>(&parsed)) return usage("--vary", *error);
        axes.push_back(std::get<analysis::Axis>(parsed));
    }
    // cli.md's first form: --vary ID --from NS --to NS.
    for (const char* name : {"from", "to"}) {
        if (!parser.isSet(name)) continue;
        const std::string option = std::string("--") + name;
        const auto v = parseNs(toBytes(parser.value(name)));
        if (!v) return usage(option, nsProblem(toBytes(parser.value(name))));
        if (axes.size() != 1 || parser.values("vary")[0].contains('='))
            return usage(option, "is for one --vary ID; give a range as --vary ID=FROM..TO");
        (std::string(name) == "from" ? axes[0].from : axes[0].to) = *v;
    }
    if (!axes.empty() && axes[0].to < axes[0].from)
        return usage("--to", "the range " + std::to_string(axes[0].from) + ".." +
                                 std::to_string(axes[0].to) + " is empty");

    analysis::SweepOptions options;
    if (parser.isSet("threads")) {
        bool ok = false;
        const int n = parser.value("threads").toInt(&ok);
        if (!ok || n < 1 || n > 256) return usage("--threads", "takes a number from 1 to 256");
        options.threads = static_cast<unsigned>(n);
    }
    const std::string output = toBytes(parser.value("output"));
    if (parser.isSet("find")) {
        const std::string name = toBytes(parser.value("find"));
        const auto wanted = analysis::outcomeClassFromName(name);
        if (!wanted || *wanted == analysis::OutcomeClass::Invalid)
            return usage("--find", "unknown outcome '" + name +
                                       "'; one of lost, never-woken, storm, spurious, pending, "
                                       "late, delivered, quiet");
        if (parser.isSet("scale") || parser.isSet("dark"))
            return usage("--find",
                         "-o writes the witness scenario; --scale and --dark are for maps");
        return find(sc, axes, *wanted, options, common.json, output);
    }
    if (!output.empty() && output != "-" && !raster::isPngPath(QString::fromStdString(output)) &&
        !QString::fromStdString(output).endsWith(".svg", Qt::CaseInsensitive))
        return usage("-o", "the map is written as OUT.svg or OUT.png, not '" + output + "'");
    if (output.empty() && (parser.isSet("scale") || parser.isSet("dark")))
        return usage("--scale", "--scale and --dark are for the map of -o OUT.svg|OUT.png");
    double scale = 2.0; // a crisp slide
    if (parser.isSet("scale")) {
        bool ok = false;
        scale = parser.value("scale").toDouble(&ok);
        if (!ok || !(scale >= 0.1 && scale <= 8))
            return usage("--scale", "takes a number from 0.1 to 8");
    }

    auto result = analysis::sweep(sc, axes, options);
    if (auto* error = std::get_if<std::string>(&result)) return usage("--vary", *error);
    const auto& grid = std::get<analysis::Grid>(result);
    if (common.json && output != "-") std::cout << gridJson(sc, grid).dump(2) << "\n";
    if (output.empty()) {
        if (!common.json) printText(sc, grid);
        return stdoutResult(Ok);
    }
    if (const int failed = stdoutResult(Ok)) return failed; // the JSON report, if any
    render::RaceMapOptions mapOptions;
    mapOptions.dark = parser.isSet("dark");
    const std::string svg = render::writeRaceMapSvg(sc, grid, mapOptions);
    QByteArray bytes = QByteArray::fromStdString(svg);
    if (raster::isPngPath(QString::fromStdString(output))) {
        if (const QString big = raster::pngTooLarge(bytes, scale); !big.isEmpty()) {
            std::cerr << oneLine(output) << ": " << big.toStdString() << "\n";
            return BadInput;
        }
        QString why;
        if (!raster::svgToPng(QByteArray::fromStdString(svg), scale, bytes, why)) {
            std::cerr << oneLine(output) << ": internal error: " << why.toStdString() << "\n";
            return InternalError;
        }
    }
    return writeOut(output, bytes);
}

} // namespace uintr::cli
