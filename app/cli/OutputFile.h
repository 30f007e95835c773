// Writing a command's output file the way cli.md promises: completely or not at all, and only a
// regular file replaced (CliOutput.h writeFile: a temporary sibling renamed over OUT when
// complete; a device or FIFO written in place).
#pragma once

#include <QByteArray>
#include <string>

namespace uintr::cli {

// False with `error` set (the system's reason) when OUT could not be written completely.
bool writeFileAtomically(const std::string& path, const QByteArray& bytes, std::string& error);

} // namespace uintr::cli
