// Writing a command's output file the way cli.md promises: completely or not at all. QSaveFile
// writes a temporary sibling and renames it over OUT on commit, so a reader never sees half a
// file and a failed write leaves the previous one as it was.
#pragma once

#include <QByteArray>
#include <string>

namespace uintr::cli {

// False with `error` set (Qt's reason) when OUT could not be written completely.
bool writeFileAtomically(const std::string& path, const QByteArray& bytes, std::string& error);

} // namespace uintr::cli
