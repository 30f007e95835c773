// Command-line arguments as QString without losing a byte. A file name on Linux is any bytes;
// Qt 6 decodes arguments as UTF-8 and turns every invalid byte into U+FFFD, so a scenario called
// "caf\xE9.json" (Latin-1) could not be opened. Invalid bytes are therefore carried as lone
// surrogates U+DC80..U+DCFF (the "surrogateescape" scheme): QCommandLineParser handles them as any
// other character, and toBytes() gives back the exact bytes to open.
#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace uintr::cli {

QString fromBytes(const char* bytes);
std::string toBytes(const QString& argument);
QStringList argumentsOf(int argc, char** argv);

} // namespace uintr::cli
