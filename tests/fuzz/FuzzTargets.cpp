#include "FuzzTargets.h"

#include "render/SvgWriter.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"
#include "sim/TraceFormat.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

namespace uintr::fuzz {

namespace {

[[noreturn]] void broken(const char* invariant, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz: invariant broken: %s%s%s\n", invariant, detail.empty() ? "" : ": ",
                 detail.c_str());
    std::abort();
}

void check(bool holds, const char* invariant, const std::string& detail = {}) {
    if (!holds) broken(invariant, detail);
}

// A loader error is the one line of scenario-format.md "Errors".
void checkError(const scenario::LoadError& e) {
    const std::string line = e.toString();
    check(line.find('\n') == std::string::npos, "an error is one line", line);
    check(!e.jsonPath.empty() && e.jsonPath[0] == '/', "an error names a JSON pointer", line);
    check((e.line == 0) == (e.column == 0) && e.line >= 0, "a position is line and column", line);
    check(!e.message.empty(), "an error says what is wrong", line);
}

// Runs of a fuzzed scenario stay small: a mutant may ask for a storm until the horizon.
constexpr std::size_t kMaxRunInput = 64 * 1024;

} // namespace

void loadOne(std::string_view bytes) {
    const std::string text(bytes);
    const auto loaded = scenario::loadScenarioText(text, "fuzz.json");
    if (!loaded.ok()) {
        check(loaded.error.has_value(), "a refused scenario has an error");
        checkError(*loaded.error);
        return;
    }
    const std::string saved = scenario::saveScenarioText(*loaded.scenario);
    const auto again = scenario::loadScenarioText(saved, "saved.json");
    if (!again.ok()) broken("a saved scenario loads", again.error->toString());
    check(scenario::saveScenarioText(*again.scenario) == saved, "save(load(save(s))) == save(s)");
}

void runOne(std::string_view bytes) {
    if (bytes.size() > kMaxRunInput) return;
    const auto loaded = scenario::loadScenarioText(std::string(bytes), "fuzz.json");
    if (!loaded.ok()) return;
    const scenario::Scenario& sc = *loaded.scenario;
    const sim::RunResult r = sim::runScenario(sc);
    if (r.hitStepLimit) return; // reported as an internal error by the CLI, by design

    std::uint64_t delivered = 0, spurious = 0;
    std::int64_t last = 0;
    for (const auto& e : r.trace.events) {
        check(e.t >= last, "events are in time order", std::to_string(e.t));
        last = e.t;
        const auto kind = model::kindName(e.kind);
        delivered += kind == "user_interrupt_delivered";
        spurious += kind == "spurious_notification";
    }
    check(r.summary.userInterrupts.size() == delivered,
          "summary.user_interrupts lists every delivery");
    check(r.summary.spurious.size() == spurious, "summary.spurious lists every spurious vector");

    const std::string json = sim::traceToJson(r.trace, r.summary, sc);
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    check(!doc.is_discarded() && doc.value("format", "") == "uintr-trace/1",
          "run --json is uintr-trace/1 JSON");
    check(doc["events"].size() == r.trace.events.size(), "run --json has every event");

    render::SvgOptions options;
    const std::string svg = render::writeSvg(sc, r.trace, options);
    check(svg.find("<svg") != std::string::npos && svg.size() >= 7 &&
              svg.compare(svg.size() - 7, 7, "</svg>\n") == 0,
          "the SVG is one complete document");
}

} // namespace uintr::fuzz
