// uintr-sim: run, check, render and validate UINTR Lab scenarios without a screen (cli.md).
#include "CliCommands.h"
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
    "Errors name the place: FILE:LINE:COLUMN: JSON-PATH: message\n";

int usageError(const std::string& message) {
    std::cerr << "uintr-sim: " << message << " (see uintr-sim --help)\n";
    return uintr::cli::BadInput;
}

int dispatch(const QStringList& arguments) {
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
    if (!parser.parse(arguments)) return usageError(parser.errorText().toStdString());
    if (parser.isSet(help)) {
        std::cout << kUsage;
        return uintr::cli::Ok;
    }
    if (parser.isSet(version)) {
        std::cout << "uintr-sim " << UINTR_LAB_VERSION << "\n";
        return uintr::cli::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) return usageError("missing command");
    const std::string command = positional[0].toStdString();
    const bool importing = command == "import-ftrace";
    if (command != "run" && command != "check" && command != "validate" && command != "render" &&
        command != "explore" && !importing && command != "export-perfetto")
        return usageError("unknown command '" + command + "'");
    if (positional.size() < 2)
        return usageError(command + (importing ? ": missing TRACE" : ": missing SCENARIO"));
    if (positional.size() > 2)
        return usageError(command + ": unexpected argument '" + positional[2].toStdString() + "'");

    uintr::cli::Options o;
    o.scenarioPath = positional[1].toStdString();
    o.json = parser.isSet(json);
    for (const QString& s : parser.values(set))
        o.sets.push_back(s.toStdString());
    if (command != "run" && command != "explore" && o.json)
        return usageError(command + ": --json is for run and explore");
    if ((parser.isSet(from) || parser.isSet(to)) && command != "render" && command != "explore")
        return usageError(command + ": --from and --to are for render and explore");
    if (parser.isSet(vary) != (command == "explore"))
        return usageError(command == "explore" ? "explore: missing --vary ID"
                                               : command + ": --vary is for explore");
    if (command == "validate" && !o.sets.empty()) return usageError("validate takes no --set");
    if ((parser.isSet(find) || parser.isSet(threads)) && command != "explore")
        return usageError(command + ": --find and --threads are for explore");
    const bool importOnly = parser.isSet(receiver) || parser.isSet(sender) ||
                            parser.isSet(sendEvery) || parser.isSet(sendAt);
    if (!importing && importOnly)
        return usageError(command +
                          ": --receiver, --sender, --send-every, --send-at are for import-ftrace");
    if (importing && !o.sets.empty()) return usageError("import-ftrace takes no --set");
    const bool writes =
        command == "render" || command == "explore" || importing || command == "export-perfetto";
    if (!writes && parser.isSet(output))
        return usageError(command +
                          ": -o is for render, explore, import-ftrace and export-perfetto");
    const bool pictureOnly = parser.isSet(scale) || parser.isSet(dark);
    const bool renderOnly = parser.isSet(narration) || parser.isSet(annotate);
    if (command != "render" && (renderOnly || (pictureOnly && command != "explore")))
        return usageError(command + ": --scale, --dark, --narration, --annotate are for render"
                                    " (--scale, --dark also for explore)");
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
        const auto app = uintr::cli::makeApplication(argc, argv);
        QCoreApplication::setApplicationName("uintr-sim");
        QCoreApplication::setApplicationVersion(UINTR_LAB_VERSION);
        return dispatch(QCoreApplication::arguments());
    } catch (const std::exception& e) {
        std::cerr << "uintr-sim: internal error: " << e.what() << "\n";
        return uintr::cli::InternalError;
    } catch (...) {
        std::cerr << "uintr-sim: internal error\n";
        return uintr::cli::InternalError;
    }
}
