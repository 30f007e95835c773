// Where a command's bytes go. cli.md: exit 0 means every byte of the output was written; an
// output file is replaced only by a complete new one, and only regular files are replaced. Any
// failure is the one line `OUT: message` (OUT is "-" for standard output) and exit 2.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace uintr::cli {

// Once, first thing in main. A closed pipe (SIGPIPE) or `ulimit -f` (SIGXFSZ) would kill the
// process by a signal, which cli.md forbids: ignored, they become write errors (EPIPE, EFBIG)
// that are reported. std::cout then writes to file descriptor 1 through a buffer that keeps the
// first write error, for finishStdout().
void setUpOutput();

// A user's text (a path, an argument) inside a one-line message: control characters, a newline
// among them, become \xHH, so the message stays one line whatever a file is called.
std::string oneLine(std::string_view text);

// Writes `bytes` to `path`. A regular file (or a path that does not exist yet) is replaced
// atomically: a temporary file in the same directory gets every byte and is synced, then renamed
// over `path`; on any failure it is removed and the old file stays as it was. A symbolic link is
// followed (its target is replaced, the link stays). A device or FIFO (`-o /dev/null`, even as
// root) is written in place, never replaced. Anything else (a directory) is refused.
// nullopt on success, else the reason ("No space left on device").
std::optional<std::string> writeFile(const std::string& path, std::string_view bytes);

// Flushes standard output; the reason when any byte written to it (through std::cout) was lost.
std::optional<std::string> finishStdout();

// Prints `OUT: cannot write: reason` and returns the exit code (2).
int outputError(const std::string& out, const std::string& reason);
// finishStdout() as an exit code: `ok` when every byte arrived, else outputError("-", …).
int stdoutResult(int ok);

} // namespace uintr::cli
