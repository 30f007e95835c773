// File ▸ Import: a real schedule from ftrace as a new document (LabDocument::importFtrace).
#include "LabDocument.h"
#include "import/FtraceScenario.h"

#include <QFileInfo>
#include <algorithm>
#include <fstream>

namespace uintr::lab {

bool LabDocument::importFtrace(const QUrl& trace, const QString& receiver, const QString& senders,
                               qint64 sendEveryNs) {
    const QString path = trace.isLocalFile() ? trace.toLocalFile() : trace.toString();
    const QString name = QFileInfo(path).fileName();
    const auto failed = [&](const QString& line) {
        return fail(tr("Not imported: %1").arg(line), tr("Cannot import %1").arg(name), line);
    };
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) return failed(tr("%1: cannot open the trace").arg(path));
    const auto schedule = ftrace::parseSchedule(in);
    if (schedule.error)
        return failed(QStringLiteral("%1:%2:%3: sched_switch: %4")
                          .arg(path)
                          .arg(schedule.error->line)
                          .arg(schedule.error->column)
                          .arg(QString::fromStdString(schedule.error->message)));
    ftrace::ImportOptions options;
    options.sourceName = name.toStdString();
    options.receiver = receiver.trimmed().toStdString();
    for (const QString& s : senders.split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.senders.push_back(s.trimmed().toStdString());
    options.sendEveryNs = std::max<qint64>(0, sendEveryNs);
    const auto imported = ftrace::toScenario(schedule, options);
    if (imported.error)
        return failed(
            QStringLiteral("%1: %2").arg(QString::fromStdString(imported.error->option),
                                         QString::fromStdString(imported.error->message)));
    present(*imported.scenario, QString());
    const auto& st = imported.stats;
    say(tr("Imported %1: %2 sched_switch events on %3 CPUs, %4 tasks, %5 SENDUIPIs; "
           "%6 spurious notifications (Save As to keep it)")
            .arg(name)
            .arg(st.switches)
            .arg(st.cpus)
            .arg(st.tasks)
            .arg(st.sends)
            .arg(committed_->recording().summary().spurious.size()));
    return true;
}

} // namespace uintr::lab
