// uintr-sim: run, check and validate UINTR Lab scenarios without a screen (../shared/docs/cli.md).
#include "CliCommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <exception>
#include <iostream>

namespace {
const char* kUsage =
    "Usage:\n"
    "  uintr-sim run SCENARIO [--json] [--set ID.at=NS ...]   simulate; print the trace\n"
    "  uintr-sim check SCENARIO [--set ID.at=NS ...]          simulate; verify \"expect\"\n"
    "  uintr-sim validate SCENARIO                            load and check only\n"
    "  uintr-sim --help | --version\n"
    "\n"
    "Exit codes: 0 ok, 1 an expectation failed, 2 bad input or usage, 3 internal error.\n"
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
    parser.addOptions({help, version, json, set});
    parser.addPositionalArgument("command", "run | check | validate");
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
    if (command != "run" && command != "check" && command != "validate")
        return usageError("unknown command '" + command + "'");
    if (positional.size() < 2) return usageError(command + ": missing SCENARIO");
    if (positional.size() > 2)
        return usageError(command + ": unexpected argument '" + positional[2].toStdString() + "'");

    uintr::cli::Options o;
    o.scenarioPath = positional[1].toStdString();
    o.json = parser.isSet(json);
    for (const QString& s : parser.values(set)) o.sets.push_back(s.toStdString());
    if (command != "run" && o.json) return usageError(command + ": --json is for run");
    if (command == "validate" && !o.sets.empty()) return usageError("validate takes no --set");
    if (command == "run") return uintr::cli::runCommand(o);
    if (command == "check") return uintr::cli::checkCommand(o);
    return uintr::cli::validateCommand(o);
}
} // namespace

int main(int argc, char** argv) {
    try {
        QCoreApplication app(argc, argv);
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
