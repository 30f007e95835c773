// uintr-sim: run, check, render and validate UINTR Lab scenarios without a screen (cli.md).
#include "CliArguments.h"
#include "CliCommands.h"
#include "CliOutput.h"
#include "ExploreCommand.h"
#include "ImportFtraceCommand.h"
#include "PerfettoCommand.h"
#include "RenderCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <exception>
#include <iostream>

namespace {
const char* kUsage =
    "Usage:\n"
    "  uintr-sim run SCENARIO [--json] [--set ID.at=NS ...]   simulate; print the trace\n"
    "  uintr-sim check SCENARIO [--set ID.at=NS ...]          simulate; verify \"expect\"\n"
    "  uintr-sim render SCENARIO -o OUT.svg|OUT.png [--set ID.at=NS ...]\n"
    "            [--from NS] [--to NS] [--scale X] [--dark] [--narration] [--annotate T1,T2]\n"
    "                                                         the timeline as a picture\n"
    "  uintr-sim explore SCENARIO --vary A [--vary B] [--find CLASS] [--json]\n"
    "            [-o OUT.svg|OUT.png] [--scale X] [--dark] [--threads N]\n"
    "                                                         sweep one or two values (ID,\n"
    "                                                         ID=FROM..TO[:STEP],\n"
    "                                                         machine.ipi_latency_ns=A..B): the\n"
    "                                                         race windows or a race map; --find\n"
    "                                                         lost|never-woken|storm|spurious\n"
    "                                                         prints the first witness scenario\n"
    "  uintr-sim validate SCENARIO                            load and check only\n"
    "  uintr-sim import-ftrace TRACE.txt -o SCENARIO.json [--receiver COMM|PID]\n"
    "            [--sender COMM|PID ...] [--send-every NS] [--send-at T1,T2]\n"
    "                                                         a real schedule (ftrace "
    "sched_switch)\n"
    "                                                         as a scenario; counts its races\n"
    "  uintr-sim export-perfetto SCENARIO -o TRACE.json [--set ID.at=NS ...]\n"
    "                                                         the run for ui.perfetto.dev\n"
    "  uintr-sim --help | --version\n"
    "\n"
    "Exit codes: 0 ok, 1 an expectation failed (explore --find: no witness in the range),\n"
    "            2 bad input or usage, 3 internal error.\n"
    "Errors are one line: FILE:LINE:COLUMN: JSON-PATH: message (a scenario),\n"
    "uintr-sim: OPTION: message (the command line), OUT: message (an output).\n"
    "Limits (times, PNG size, explore runs): docs/limits.md.\n";

// cli.md: `uintr-sim: OPTION: message`, OPTION naming what is wrong on the command line (an
// option, or COMMAND / SCENARIO / the stray argument).
int usageError(const std::string& option, const std::string& message) {
    std::cerr << "uintr-sim: " << uintr::cli::oneLine(option) << ": "
              << uintr::cli::oneLine(message) << "\n";
    return uintr::cli::BadInput;
}

// QCommandLineParser's own error: an unknown option, or a value option last on the line.
int parseError(const QCommandLineParser& parser, const QStringList& arguments) {
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const QString& name = unknown.first();
        return usageError((name.size() == 1 ? "-" : "--") + uintr::cli::toBytes(name),
                          "unknown option");
    }
    return usageError(uintr::cli::toBytes(arguments.last()), "missing value");
}

int dispatch(const QStringList& arguments) {
    using uintr::cli::toBytes;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({"h", "help"}, "Show the usage.");
    const QCommandLineOption version({"v", "version"}, "Show the version.");
    const QCommandLineOption json("json", "Print the trace as uintr-trace/1 JSON.");
    const QCommandLineOption set("set", "Move timeline entry ID to time NS.", "ID.at=NS");
    const QCommandLineOption output({"o", "output"}, "The file to write.", "OUT");
    const QCommandLineOption from("from", "Start of the time window, in ns.", "NS");
    const QCommandLineOption to("to", "End of the time window, in ns.", "NS");
    const QCommandLineOption scale("scale", "render: PNG pixels per SVG pixel.", "X");
    const QCommandLineOption dark("dark", "render: the dark palette.");
    const QCommandLineOption narration("narration", "render: the narration as callouts.");
    const QCommandLineOption annotate("annotate", "render: registers at these instants.", "T1,T2");
    const QCommandLineOption vary("vary", "explore: what varies, over which range.", "ID[=A..B]");
    const QCommandLineOption find("find", "explore: the first witness of an outcome.", "CLASS");
    const QCommandLineOption threads("threads", "explore: worker threads.", "N");
    const QCommandLineOption receiver("receiver", "import-ftrace: the receiving task.", "COMM|PID");
    const QCommandLineOption sender("sender", "import-ftrace: a sending task.", "COMM|PID");
    const QCommandLineOption sendEvery("send-every", "import-ftrace: SENDUIPI period.", "NS");
    const QCommandLineOption sendAt("send-at", "import-ftrace: SENDUIPI times.", "T1,T2");
    parser.addOptions({help, version, json, set, output, from, to, scale, dark, narration, annotate,
                       vary, find, threads, receiver, sender, sendEvery, sendAt});
    parser.addPositionalArgument("command", "run | check | render | explore | validate");
    parser.addPositionalArgument("scenario", "the scenario file");
    if (!parser.parse(arguments)) return parseError(parser, arguments);
    if (parser.isSet(help)) {
        std::cout << kUsage;
        return uintr::cli::stdoutResult(uintr::cli::Ok);
    }
    if (parser.isSet(version)) {
        std::cout << "uintr-sim " << UINTR_LAB_VERSION << "\n";
        return uintr::cli::stdoutResult(uintr::cli::Ok);
    }
    const char* commands =
        "expected one of run, check, render, explore, validate, import-ftrace, export-perfetto";
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) return usageError("COMMAND", std::string("missing; ") + commands);
    const std::string command = toBytes(positional[0]);
    const bool importing = command == "import-ftrace";
    if (command != "run" && command != "check" && command != "validate" && command != "render" &&
        command != "explore" && !importing && command != "export-perfetto")
        return usageError(command, std::string("unknown command; ") + commands);
    if (positional.size() < 2)
        return importing ? usageError("TRACE", "missing (uintr-sim import-ftrace TRACE)")
                         : usageError("SCENARIO", "missing (uintr-sim " + command + " SCENARIO)");
    if (positional.size() > 2)
        return usageError(toBytes(positional[2]),
                          "unexpected argument (" + command + " takes one SCENARIO)");

    uintr::cli::Options o;
    o.scenarioPath = toBytes(positional[1]);
    o.json = parser.isSet(json);
    for (const QString& s : parser.values(set))
        o.sets.push_back(toBytes(s));
    const auto notFor = [&](const char* option, const char* forWhat) {
        return usageError(option, std::string("is for ") + forWhat + ", not " + command);
    };
    if (command != "run" && command != "explore" && o.json)
        return notFor("--json", "run and explore");
    for (const auto* option : {&from, &to})
        if (parser.isSet(*option) && command != "render" && command != "explore")
            return notFor(option == &from ? "--from" : "--to", "render and explore");
    for (const auto& [option, name] :
         {std::pair{&vary, "--vary"}, std::pair{&find, "--find"}, std::pair{&threads, "--threads"}})
        if (parser.isSet(*option) && command != "explore") return notFor(name, "explore");
    if (command == "explore" && !parser.isSet(vary))
        return usageError("--vary", "missing (uintr-sim explore SCENARIO --vary ID)");
    if (command == "validate" && !o.sets.empty())
        return notFor("--set", "run, check, render and explore");
    for (const auto& [option, name] :
         {std::pair{&receiver, "--receiver"}, std::pair{&sender, "--sender"},
          std::pair{&sendEvery, "--send-every"}, std::pair{&sendAt, "--send-at"}})
        if (parser.isSet(*option) && !importing) return notFor(name, "import-ftrace");
    if (importing && !o.sets.empty()) return notFor("--set", "run, check, render and explore");
    const bool writes =
        command == "render" || command == "explore" || importing || command == "export-perfetto";
    if (!writes && parser.isSet(output))
        return notFor("-o", "render, explore, import-ftrace and export-perfetto");
    for (const auto& [option, name] : {std::pair{&scale, "--scale"}, std::pair{&dark, "--dark"}})
        if (parser.isSet(*option) && command != "render" && command != "explore")
            return notFor(name, "render and explore");
    for (const auto& [option, name] :
         {std::pair{&narration, "--narration"}, std::pair{&annotate, "--annotate"}})
        if (parser.isSet(*option) && command != "render") return notFor(name, "render");
    if (importing) return uintr::cli::importFtraceCommand(o.scenarioPath, parser);
    if (command == "export-perfetto") return uintr::cli::exportPerfettoCommand(o, parser);
    if (command == "render") return uintr::cli::renderCommand(o, parser);
    if (command == "explore") return uintr::cli::exploreCommand(o, parser);
    if (command == "run") return uintr::cli::runCommand(o);
    if (command == "check") return uintr::cli::checkCommand(o);
    return uintr::cli::validateCommand(o);
}
} // namespace

int main(int argc, char** argv) {
    try {
        uintr::cli::setUpOutput();
        // Before Qt sees argv: a QGuiApplication removes the arguments it recognises.
        const QStringList arguments = uintr::cli::argumentsOf(argc, argv);
        const auto app = uintr::cli::makeApplication(argc, argv);
        QCoreApplication::setApplicationName("uintr-sim");
        QCoreApplication::setApplicationVersion(UINTR_LAB_VERSION);
        return dispatch(arguments);
    } catch (const std::exception& e) {
        std::cerr << "uintr-sim: internal error: " << e.what() << "\n";
        return uintr::cli::InternalError;
    } catch (...) {
        std::cerr << "uintr-sim: internal error\n";
        return uintr::cli::InternalError;
    }
}
