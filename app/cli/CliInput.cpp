#include "CliInput.h"

#include "scenario/JsonPositions.h"
#include "scenario/ScenarioIO.h"

#include <fstream>
#include <sstream>

namespace uintr::cli {

namespace {
// FILE:LINE:COLUMN: PATH: message, with the position of PATH in the file when it can be found.
std::string located(const std::string& path, const std::string& pointer, const std::string& msg) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string body = text.str();
    scenario::JsonPositions positions(body);
    scenario::TextPosition where{1, 1, 0};
    std::string p = pointer;
    // Fall back to the nearest enclosing value that the file has.
    while (true) {
        if (auto found = positions.find(p == "/" ? "" : p)) {
            where = found->key ? *found->key : found->value;
            break;
        }
        const auto slash = p.rfind('/');
        if (slash == std::string::npos || p.empty()) break;
        p = p.substr(0, slash);
    }
    scenario::LoadError e{path, where.line, where.column, pointer, msg};
    return e.toString();
}
} // namespace

LoadedScenario loadWithOverrides(const std::string& path, const std::vector<std::string>& sets) {
    LoadedScenario out;
    auto loaded = scenario::loadScenarioFile(path);
    if (!loaded.ok()) {
        out.error = loaded.error->toString();
        return out;
    }
    scenario::Scenario sc = std::move(*loaded.scenario);
    for (const std::string& spec : sets) {
        if (auto problem = scenario::applyOverride(sc, spec)) {
            const auto eq = spec.find('=');
            const auto dot = spec.substr(0, eq == std::string::npos ? 0 : eq).rfind('.');
            const int entry = dot == std::string::npos ? -1 : sc.findEntry(spec.substr(0, dot));
            // At the value being set (`at`, `duration_ns`), or the nearest thing the file has.
            const std::string where =
                entry >= 0 ? "/timeline/" + std::to_string(entry) + "/" +
                                 scenario::escapePointerToken(spec.substr(dot + 1, eq - dot - 1))
                           : "/timeline";
            out.error = located(path, where, *problem);
            return out;
        }
    }
    if (!sets.empty()) {
        if (auto bad = scenario::checkConsistency(sc)) {
            out.error = located(path, "/timeline/" + std::to_string(bad->entry) + "/run",
                                bad->message + " (after --set)");
            return out;
        }
    }
    out.scenario = std::move(sc);
    return out;
}

} // namespace uintr::cli
