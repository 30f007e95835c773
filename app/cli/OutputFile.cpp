#include "OutputFile.h"

#include <QSaveFile>

namespace uintr::cli {

bool writeFileAtomically(const std::string& path, const QByteArray& bytes, std::string& error) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = file.errorString().toStdString();
        return false;
    }
    return true;
}

} // namespace uintr::cli
