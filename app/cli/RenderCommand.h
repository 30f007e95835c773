// uintr-sim render SCENARIO -o OUT.svg|OUT.png [--set ID.at=NS] [--from NS] [--to NS]
//   [--scale X] [--dark] [--narration] [--annotate T1,T2…]   (cli.md, docs/svg-export.md)
#pragma once

#include "CliCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace uintr::cli {

struct RenderOptions {
    Options common;     // scenario and --set
    std::string output; // ends in .png: PNG, otherwise SVG; "-": the SVG on stdout
    std::optional<std::int64_t> from, to;
    double scale = 1.0; // PNG only: 2.0 for crisp slides
    bool dark = false;
    bool narration = false; // the CLI draws the narration only when asked
    std::vector<std::int64_t> annotateAt;
};

int renderCommand(const RenderOptions& o);
// The command line's options checked and turned into RenderOptions (a bad one: a one-line
// usage message, exit 2), then renderCommand.
int renderCommand(const Options& common, const QCommandLineParser& parser);

// The application object for this command line: a QGuiApplication (fonts, a paint engine) only
// when a PNG is to be rendered — headless, on the offscreen platform, when there is no display —
// and a plain QCoreApplication otherwise, so that the other commands never need a display.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv);

// Parses "NS" (--from, --to) and "T1,T2" (--annotate): integers from 0 to limits::kMaxTimeNs,
// the scenario's own bound on time, so that no later arithmetic on a time can overflow.
// nullopt if not; nsProblem says why, for the one-line message.
std::optional<std::int64_t> parseNs(const std::string& text);
std::string nsProblem(const std::string& text);
std::optional<std::vector<std::int64_t>> parseNsList(const std::string& text, std::string& problem);

// At most this many distinct --annotate instants: each replays the run and draws a register
// panel (1,000 of them took 789 MB).
inline constexpr std::size_t kMaxAnnotateInstants = 32;

} // namespace uintr::cli
