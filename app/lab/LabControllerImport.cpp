// File ▸ Import: a real schedule from ftrace as a new document (LabController::importFtrace).
#include "LabController.h"
#include "import/FtraceScenario.h"

#include <QFileInfo>
#include <algorithm>
#include <fstream>

namespace uintr::lab {

bool LabController::importFtrace(const QUrl& trace, const QString& receiver, const QString& senders,
                                 qint64 sendEveryNs) {
    const QString path = trace.isLocalFile() ? trace.toLocalFile() : trace.toString();
    const QString name = QFileInfo(path).fileName();
    const auto fail = [&](const QString& line) {
        lastError_ = line;
        setStatus(tr("Not imported: %1").arg(line), true);
        Q_EMIT errorOccurred(tr("Cannot import %1").arg(name), line);
        return false;
    };
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) return fail(tr("%1: cannot open the trace").arg(path));
    const auto schedule = ftrace::parseSchedule(in);
    if (schedule.error)
        return fail(QStringLiteral("%1:%2:%3: sched_switch: %4")
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
        return fail(QStringLiteral("%1: %2").arg(QString::fromStdString(imported.error->option),
                                                 QString::fromStdString(imported.error->message)));
    present(*imported.scenario, QString());
    const auto& st = imported.stats;
    setStatus(tr("Imported %1: %2 sched_switch events on %3 CPUs, %4 tasks, %5 SENDUIPIs; "
                 "%6 spurious notifications (Save As to keep it)")
                  .arg(name)
                  .arg(st.switches)
                  .arg(st.cpus)
                  .arg(st.tasks)
                  .arg(st.sends)
                  .arg(spuriousCount()));
    return true;
}

} // namespace uintr::lab
