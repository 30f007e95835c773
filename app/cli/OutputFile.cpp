#include "OutputFile.h"

#include "CliOutput.h"

namespace uintr::cli {

bool writeFileAtomically(const std::string& path, const QByteArray& bytes, std::string& error) {
    const auto failed = writeFile(
        path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (failed) error = *failed;
    return !failed;
}

} // namespace uintr::cli
