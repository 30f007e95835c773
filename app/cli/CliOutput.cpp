#include "CliOutput.h"

#include "CliCommands.h"
#include "scenario/ScenarioIO.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <memory>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>

namespace uintr::cli {

namespace {

std::string errnoText(int error) {
    return std::strerror(error);
}

// write(2) until every byte is out; EINTR is retried, a short write continues where it stopped.
bool writeAll(int fd, std::string_view bytes, int& error) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = n < 0 ? errno : EIO;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::optional<std::string> writeInPlace(const std::string& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return errnoText(errno);
    int error = 0;
    const bool written = writeAll(fd, bytes, error);
    if (::close(fd) != 0 && written) return errnoText(errno);
    if (!written) return errnoText(error);
    return std::nullopt;
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// std::cout's buffer, on file descriptor 1 directly, so that the first failed write is kept with
// its errno (stdio would report only that some write failed, at some point).
class StdoutBuffer final : public std::streambuf {
  public:
    StdoutBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
    int error() const { return error_; }

  protected:
    int overflow(int c) override {
        if (!drain()) return traits_type::eof();
        if (c != traits_type::eof()) sputc(static_cast<char>(c));
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

  private:
    bool drain() {
        const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(buffer_, buffer_ + sizeof buffer_);
        if (error_ == 0 && !pending.empty()) writeAll(STDOUT_FILENO, pending, error_);
        return error_ == 0; // after a failure, later bytes are dropped: the command will fail
    }
    char buffer_[1 << 16];
    int error_ = 0;
};

// Never destroyed: std::cout keeps pointing at it until the runtime's own exit handler flushes
// std::cout, which runs after function-local statics are gone (ASan caught that use after
// destruction: a SEGV at exit).
StdoutBuffer& stdoutBuffer() {
    static auto* buffer = new StdoutBuffer;
    return *buffer;
}

mode_t newFileMode() {
    const mode_t mask = ::umask(0); // the only way to read it: set it back at once
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

void setUpOutput() {
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
    std::cout.rdbuf(&stdoutBuffer());
}

std::string oneLine(std::string_view text) {
    return scenario::oneLineText(text);
}

// POSIX calls rather than QSaveFile: QSaveFile renames its temporary file over a device node
// (as root, `-o /dev/null` would replace /dev/null) and Qt 6 cannot name a file whose name is
// not UTF-8 (CliArguments.h).
std::optional<std::string> writeFile(const std::string& path, std::string_view bytes) {
    if (path.empty()) return errnoText(ENOENT);
    std::string target = path;
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) return errnoText(errno);
    if (exists) {
        if (S_ISDIR(st.st_mode)) return errnoText(EISDIR);
        if (!S_ISREG(st.st_mode)) return writeInPlace(path, bytes);
        // The rename below needs only the directory's permission: keep a read-only file so.
        if (::access(path.c_str(), W_OK) != 0) return errnoText(errno);
        const std::unique_ptr<char, void (*)(void*)> real(::realpath(path.c_str(), nullptr),
                                                          &std::free);
        if (!real) return errnoText(errno);
        target = real.get();
    } else {
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0) // a symbolic link to nothing: where would it go?
            return "a symbolic link to a missing file";
    }

    std::string temp = directoryOf(target) + "/.uintr-sim-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return errnoText(errno);
    int error = 0;
    bool ok =
        ::fchmod(fd, exists ? (st.st_mode & 07777) : newFileMode()) == 0 || (error = errno, false);
    ok = ok && writeAll(fd, bytes, error);
    ok = ok && (::fsync(fd) == 0 || (error = errno, false));
    ok = (::close(fd) == 0 || (error = error ? error : errno, false)) && ok;
    ok = ok && (::rename(temp.c_str(), target.c_str()) == 0 || (error = errno, false));
    if (!ok) {
        ::unlink(temp.c_str());
        return errnoText(error ? error : EIO);
    }
    return std::nullopt;
}

std::optional<std::string> finishStdout() {
    std::cout.flush();
    if (const int error = stdoutBuffer().error()) return errnoText(error);
    if (!std::cout.good()) return errnoText(EIO);
    return std::nullopt;
}

int outputError(const std::string& out, const std::string& reason) {
    std::cerr << oneLine(out) << ": cannot write: " << oneLine(reason) << "\n";
    return BadInput;
}

int stdoutResult(int ok) {
    if (const auto failed = finishStdout()) return outputError("-", *failed);
    return ok;
}

} // namespace uintr::cli
