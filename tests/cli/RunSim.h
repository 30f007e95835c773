// Runs the built uintr-sim (UINTR_SIM, from $<TARGET_FILE:uintr-sim>) in the source tree and
// collects what the contract of cli.md is about: the exit code, stdout, stderr, and whether it
// ended by a signal.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace {

struct Outcome {
    int code = -1;
    bool crashed = true;
    QByteArray out;
    QByteArray err;
};

inline Outcome runSim(const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(QStringLiteral(UINTR_SOURCE_DIR));
    p.start(QStringLiteral(UINTR_SIM), args);
    Outcome o;
    if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) return o;
    o.crashed = p.exitStatus() != QProcess::NormalExit;
    o.code = p.exitCode();
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

} // namespace
