// import/FtraceParser and import/FtraceScenario: every line layout the kernel's trace file and
// trace-cmd report print for sched_switch (with and without the irq-info columns, 4- and
// 5-character flags, the tgid column, trace-cmd's default and -l layouts, µs and ns clocks,
// CRLF), every prev_state form, comm names with spaces, colons, dashes and brackets; other events
// skipped and counted; malformed lines reported with their line and column. Then a schedule as a
// scenario: initial placement, a lost switch-out restored, sends only while the sender runs,
// selector errors, a 64-CPU capture, and a capture that produces the seed's race.
#include "import/FtraceParser.h"
#include "import/FtraceScenario.h"
#include "render/SvgWriter.h"
#include "scenario/ScenarioIO.h"
#include "sim/Run.h"

#include <QObject>
#include <QTest>
#include <sstream>

using namespace uintr;
using ftrace::LineKind;

Q_DECLARE_METATYPE(ftrace::LineKind)

namespace {

// The kernel's sched_switch payload (include/trace/events/sched.h TP_printk).
std::string kpayload(const std::string& prevComm, int prevPid, const std::string& state,
                     const std::string& nextComm, int nextPid) {
    return "prev_comm=" + prevComm + " prev_pid=" + std::to_string(prevPid) +
           " prev_prio=120 prev_state=" + state + " ==> next_comm=" + nextComm +
           " next_pid=" + std::to_string(nextPid) + " next_prio=120";
}

// A line of /sys/kernel/tracing/trace with 5-character flags.
std::string kline(int cpu, const std::string& ts, const std::string& prevComm, int prevPid,
                  const std::string& state, const std::string& nextComm, int nextPid) {
    char column[64];
    std::snprintf(column, sizeof column, "%16s-%-7d [%03d] d..2. ", prevComm.c_str(), prevPid, cpu);
    return column + ts + ": sched_switch: " + kpayload(prevComm, prevPid, state, nextComm, nextPid);
}

ftrace::Schedule parse(const std::string& text) {
    std::istringstream in(text);
    return ftrace::parseSchedule(in);
}

} // namespace

class TestFtraceImport : public QObject {
    Q_OBJECT
  private slots:
    void lineFormats_data();
    void lineFormats();
    void otherLines_data();
    void otherLines();
    void malformed_data();
    void malformed();
    void scheduleCountsAndLineNumbers();
    void taskNames();
    void scheduleAsScenario();
    void lostSwitchOutRestored();
    void sendsOnlyWhileRunning();
    void selectorErrors_data();
    void selectorErrors();
    void manyCpus();
    void realScheduleMakesTheRace();
};

void TestFtraceImport::lineFormats_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("cpu");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("prevComm");
    QTest::addColumn<int>("prevPid");
    QTest::addColumn<QString>("prevState");
    QTest::addColumn<QString>("nextComm");
    QTest::addColumn<int>("nextPid");
    const auto row = [](const char* name, const std::string& line, int cpu, qint64 ns,
                        const char* pc, int pp, const char* st, const char* nc, int np) {
        QTest::newRow(name) << QString::fromStdString(line) << cpu << ns << pc << pp << st << nc
                            << np;
    };
    const std::string k = kpayload("bash", 5231, "R+", "kworker/0:1", 12);
    // Kernel trace file, irq-info on, 5 flag columns (migrate-disable, since 5.13).
    row("kernel, 5 flags",
        "          <idle>-0       [001] d..2.  2310.456001: sched_switch: " +
            kpayload("swapper/1", 0, "R", "bash", 5231),
        1, 2310456001000, "swapper/1", 0, "R", "bash", 5231);
    row("kernel, 4 flags (before 5.13)",
        "            bash-5231    [000] d..3  2310.456789: sched_switch: " + k, 0, 2310456789000,
        "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, irq-info off", "            bash-5231    [002]  2310.500000: sched_switch: " + k,
        2, 2310500000000, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, tgid column",
        "            bash-5231    (   5231) [003] d..2.  2310.600000: sched_switch: " + k, 3,
        2310600000000, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, tgid unknown",
        "            bash-5231    (-------) [003] d..2.  2310.600000: sched_switch: " + k, 3,
        2310600000000, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, <...> comm, ns clock",
        "           <...>-5231    [000] dN.2.  2310.700000123: sched_switch: " + k, 0,
        2310700000123, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, need-resched and hardirq flags",
        "            bash-5231    [000] dNh3.     7.000001: sched_switch: " + k, 0, 7000001000,
        "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, CRLF", "            bash-5231    [000] d..2.  1.000000: sched_switch: " + k + "\r",
        0, 1000000000, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, CPU 63", "            bash-5231    [063] d..2.  1.000000: sched_switch: " + k, 63,
        1000000000, "bash", 5231, "R+", "kworker/0:1", 12);
    row("kernel, comm with spaces",
        "     Web Content-4242    [001] d..2.  2311.000000: sched_switch: " +
            kpayload("Web Content", 4242, "S", "Isolated Web Co", 4300),
        1, 2311000000000, "Web Content", 4242, "S", "Isolated Web Co", 4300);
    row("kernel, comm with colons and dashes",
        "  kworker/u8:2-ev-77      [000] d..2.  5.000000: sched_switch: " +
            kpayload("kworker/u8:2-ev", 77, "I", "a:b:c", 88),
        0, 5000000000, "kworker/u8:2-ev", 77, "I", "a:b:c", 88);
    row("kernel, comm with brackets",
        "       my[app]-99      [000] d..2.  5.000000: sched_switch: " +
            kpayload("my[app]", 99, "D", "[rcu] x", 10),
        0, 5000000000, "my[app]", 99, "D", "[rcu] x", 10);
    for (const char* state : {"R", "R+", "S", "D", "T", "t", "X", "Z", "P", "I", "D|K", "S|W"})
        row(qPrintable(QStringLiteral("kernel, prev_state=%1").arg(state)),
            "            bash-5231    [000] d..2.  1.000000: sched_switch: " +
                kpayload("bash", 5231, state, "swapper/0", 0),
            0, 1000000000, "bash", 5231, state, "swapper/0", 0);
    // trace-cmd report (libtraceevent's sched_switch handler).
    row("trace-cmd, default",
        "            bash-5231  [000]  2310.456789: sched_switch:         bash:5231 [120] R+ ==> "
        "swapper/0:0 [120]",
        0, 2310456789000, "bash", 5231, "R+", "swapper/0", 0);
    row("trace-cmd, comm with colon",
        "     kworker/0:1-12    [000]  2310.456800: sched_switch:         kworker/0:1:12 [120] I "
        "==> bash:5231 [120]",
        0, 2310456800000, "kworker/0:1", 12, "I", "bash", 5231);
    row("trace-cmd, comm with spaces",
        "     Web Content-4242  [001]  2311.000000: sched_switch:         Web Content:4242 [120] S "
        "==> swapper/1:0 [120]",
        1, 2311000000000, "Web Content", 4242, "S", "swapper/1", 0);
    row("trace-cmd, comm with brackets",
        "        my[app]-99    [002]  9.000001: sched_switch:         my[app]:99 [100] D ==> "
        "[x] y:7 [139]",
        2, 9000001000, "my[app]", 99, "D", "[x] y", 7);
    row("trace-cmd -l (CPU runs into the flags)",
        "            bash-5231    0d..2  2310.456789: sched_switch:         bash:5231 [120] S ==> "
        "swapper/0:0 [120]",
        0, 2310456789000, "bash", 5231, "S", "swapper/0", 0);
    row("trace-cmd -l, 5 flags, CPU 12",
        "            bash-5231   12d..2.  2310.456789: sched_switch:         bash:5231 [120] X ==> "
        "swapper/12:0 [120]",
        12, 2310456789000, "bash", 5231, "X", "swapper/12", 0);
    row("trace-cmd 3, flags column",
        "            bash-5231  [000] d..2.  2310.456789: sched_switch: bash:5231 [120] R ==> "
        "swapper/0:0 [120]",
        0, 2310456789000, "bash", 5231, "R", "swapper/0", 0);
    row("trace-cmd -R (raw fields)",
        "            bash-5231  [000]  2310.456789: sched_switch:         " +
            kpayload("bash", 5231, "S", "swapper/0", 0),
        0, 2310456789000, "bash", 5231, "S", "swapper/0", 0);
}

void TestFtraceImport::lineFormats() {
    QFETCH(QString, line);
    const auto p = ftrace::parseLine(line.toStdString());
    QCOMPARE(p.error.message, std::string());
    QCOMPARE(p.kind, LineKind::SchedSwitch);
    QTEST(p.sw.cpu, "cpu");
    QTEST(static_cast<qint64>(p.sw.ns), "ns");
    QTEST(QString::fromStdString(p.sw.prevComm), "prevComm");
    QTEST(p.sw.prevPid, "prevPid");
    QTEST(QString::fromStdString(p.sw.prevState), "prevState");
    QTEST(QString::fromStdString(p.sw.nextComm), "nextComm");
    QTEST(p.sw.nextPid, "nextPid");
}

void TestFtraceImport::otherLines_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<LineKind>("kind");
    QTest::newRow("comment") << "# tracer: nop" << LineKind::Ignored;
    QTest::newRow("header") << "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION"
                            << LineKind::Ignored;
    QTest::newRow("blank") << "   " << LineKind::Ignored;
    QTest::newRow("trace-cmd cpus") << "cpus=4" << LineKind::Ignored;
    QTest::newRow("trace-cmd empty cpu") << "CPU 3 is empty" << LineKind::Ignored;
    QTest::newRow("trace-cmd version") << "version = 6" << LineKind::Ignored;
    QTest::newRow("sched_wakeup")
        << "            bash-5231  [000] d..2.  2310.1: sched_wakeup: comm=foo pid=12 prio=120 "
           "target_cpu=001"
        << LineKind::OtherEvent;
    QTest::newRow("irq, trace-cmd")
        << "          <idle>-0     [000]  2310.200000: irq_handler_entry:    irq=24 name=eth0"
        << LineKind::OtherEvent;
    QTest::newRow("function tracer")
        << "            bash-5231  [000] ...1.  2310.300000: do_syscall_64 <-entry_SYSCALL_64"
        << LineKind::Ignored; // no "NAME:" after the timestamp: not an event we can name
    QTest::newRow("sched_switch in another event's text")
        << "            bash-5231  [000] ...1.  2310.300000: bprint: sched_switch: soon"
        << LineKind::OtherEvent;
}

void TestFtraceImport::otherLines() {
    QFETCH(QString, line);
    QTEST(ftrace::parseLine(line.toStdString()).kind, "kind");
}

// Each row names the text the error's column must point at.
void TestFtraceImport::malformed_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("message");
    const std::string head = "            bash-5231    [000] d..2.  1.000000: sched_switch: ";
    QTest::newRow("no next_pid") << QString::fromStdString(
                                        head + "prev_comm=bash prev_pid=5231 prev_prio=120 "
                                               "prev_state=S ==> next_comm=swapper/0")
                                 << "swapper/0"
                                 << "expected 'next_pid=' after 'next_comm='";
    QTest::newRow("bad state") << QString::fromStdString(head + kpayload("bash", 5231, "Q", "x", 1))
                               << "Q ==>"
                               << "prev_state 'Q' is not a task state";
    QTest::newRow("pid not a number")
        << QString::fromStdString(head + "prev_comm=bash prev_pid=abc prev_prio=120 prev_state=S "
                                         "==> next_comm=x next_pid=1 next_prio=120")
        << "abc"
        << "prev_pid is not a number: 'abc'";
    QTest::newRow("no CPU column")
        << QString::fromStdString("            bash-5231    1.000000: sched_switch: " +
                                  kpayload("bash", 5231, "S", "x", 1))
        << "bash-5231"
        << "expected the CPU column ([001]) before the timestamp";
    QTest::newRow("no task column")
        << QString::fromStdString("[000] d..2.  1.000000: sched_switch: " +
                                  kpayload("bash", 5231, "S", "x", 1))
        << "[000]"
        << "expected the task column COMM-PID";
    QTest::newRow("no timestamp") << QString::fromStdString(
                                         "            bash-5231    [000] d..2. sched_switch: " +
                                         kpayload("bash", 5231, "S", "x", 1))
                                  << "sched_switch"
                                  << "a sched_switch line without a TIMESTAMP: before the event";
    QTest::newRow("trace-cmd, no arrow")
        << "            bash-5231  [000]  2310.456789: sched_switch:         bash:5231 [120] R+"
        << "bash:5231"
        << "expected 'PREV ==> NEXT' or prev_comm=… ==> next_comm=…";
    QTest::newRow("trace-cmd, no pid") << "            bash-5231  [000]  2310.456789: "
                                          "sched_switch:         bash [120] R ==> x:1 [120]"
                                       << "bash [120]"
                                       << "expected COMM:PID, found 'bash'";
    QTest::newRow("trace-cmd, trailing text")
        << "            bash-5231  [000]  2310.456789: sched_switch:         bash:5231 [120] R ==> "
           "x:1 [120] junk"
        << "junk"
        << "unexpected text after the next task";
}

void TestFtraceImport::malformed() {
    QFETCH(QString, line);
    QFETCH(QString, at);
    const auto p = ftrace::parseLine(line.toStdString());
    QCOMPARE(p.kind, LineKind::Malformed);
    QTEST(QString::fromStdString(p.error.message), "message");
    QCOMPARE(p.error.column, static_cast<int>(line.indexOf(at)) + 1);
}

void TestFtraceImport::scheduleCountsAndLineNumbers() {
    const std::string text = "# tracer: nop\n#\n" + kline(0, "10.000000", "a", 1, "S", "b", 2) +
                             "\n            b-2      [000] d..2.  10.000001: sched_wakeup: comm=a "
                             "pid=1 prio=120 target_cpu=000\n" +
                             kline(0, "10.000002", "b", 2, "R+", "a", 1) + "\n";
    const auto s = parse(text);
    QVERIFY(!s.error);
    QCOMPARE(s.switches.size(), std::size_t{2});
    QCOMPARE(s.otherEvents, 1);
    QCOMPARE(s.ignoredLines, 2);
    QCOMPARE(s.switches[1].line, 5);

    const auto bad = parse(text + kline(1, "10.000003", "a", 1, "S", "b", 2).substr(0, 70) + "\n");
    QVERIFY(bad.error);
    QCOMPARE(bad.error->line, 6);
}

void TestFtraceImport::taskNames() {
    QCOMPARE(ftrace::taskName("bash", 5231), std::string("bash-5231"));
    QCOMPARE(ftrace::taskName("kworker/0:1", 12), std::string("kworker_0_1-12"));
    QCOMPARE(ftrace::taskName("Web Content", 4242), std::string("web_content-4242"));
    QCOMPARE(ftrace::taskName("", 7), std::string("task-7"));
    QCOMPARE(ftrace::taskName(std::string(40, 'x'), 123456).size(), std::size_t{32});
}

void TestFtraceImport::scheduleAsScenario() {
    // CPU 0: rx until 10.000500, then other; CPU 1: idle, then tx from 10.000100 (the first
    // event: offset 0).
    const auto s = parse(kline(1, "10.000100", "swapper/1", 0, "R", "tx", 20) + "\n" +
                         kline(0, "10.000500", "rx", 10, "S", "other", 30) + "\n" +
                         kline(0, "10.002000", "other", 30, "R+", "rx", 10) + "\n");
    QVERIFY(!s.error);
    ftrace::ImportOptions o;
    o.receiver = "rx";
    o.senders = {"20"};
    o.sendAt = {300};
    const auto r = ftrace::toScenario(s, o);
    QVERIFY2(!r.error, r.error ? r.error->message.c_str() : "");
    const auto& sc = *r.scenario;
    QCOMPARE(sc.machine.cpus, 2);
    QCOMPARE(sc.tasks.size(), std::size_t{3});
    QCOMPARE(sc.tasks[0].name, std::string("tx-20"));
    QVERIFY(sc.tasks[sc.findTask("rx-10")].receiver);
    QCOMPARE(sc.connections.size(), std::size_t{1});
    QCOMPARE(sc.connections[0].sender, sc.findTask("tx-20"));
    // rx placed on CPU 0 at 0 (the first switch there switches it out), then the trace's three
    // switches at their offsets from the first, then the send.
    QCOMPARE(sc.timeline.size(), std::size_t{5});
    QCOMPARE(sc.timeline[0].at, 0);
    QCOMPARE(sc.timeline[0].cpu, 0);
    QCOMPARE(sc.timeline[0].runTask, sc.findTask("rx-10"));
    QCOMPARE(sc.timeline[1].cpu, 1);
    QCOMPARE(sc.timeline[2].at, 300);
    QCOMPARE(sc.timeline[2].kind, scenario::TimelineEntry::Kind::TaskOp);
    QCOMPARE(sc.timeline[3].at, 400'000); // the kernel's µs clock
    QCOMPARE(sc.timeline[4].at, 1'900'000);
    QCOMPARE(r.stats.durationNs, 1'900'000);
    QVERIFY(!scenario::checkConsistency(sc));
    QVERIFY(scenario::loadScenarioText(scenario::saveScenarioText(sc), "x.json").ok());
}

void TestFtraceImport::lostSwitchOutRestored() {
    // The capture lost CPU 0's switch-out of "a": it shows up switching in on CPU 1.
    const auto s = parse(kline(0, "1.000000", "swapper/0", 0, "R", "a", 1) + "\n" +
                         kline(1, "1.000010", "swapper/1", 0, "R", "a", 1) + "\n" +
                         kline(1, "1.000020", "a", 1, "S", "a", 1) + "\n");
    const auto r = ftrace::toScenario(s, {});
    QVERIFY(r.scenario);
    QCOMPARE(r.stats.repaired, 1);
    QCOMPARE(r.stats.redundant, 1);
    QVERIFY(!scenario::checkConsistency(*r.scenario));
}

void TestFtraceImport::sendsOnlyWhileRunning() {
    // tx runs on CPU 1 from 0 to 1000 ns and from 3000 to 4000 ns of a 5000 ns capture.
    const auto s = parse(kline(1, "1.000000", "swapper/1", 0, "R", "tx", 2) + "\n" +
                         kline(1, "1.000001", "tx", 2, "S", "swapper/1", 0) + "\n" +
                         kline(1, "1.000003", "swapper/1", 0, "R", "tx", 2) + "\n" +
                         kline(1, "1.000004", "tx", 2, "S", "swapper/1", 0) + "\n" +
                         kline(0, "1.000005", "swapper/0", 0, "R", "rx", 1) + "\n");
    ftrace::ImportOptions o;
    o.receiver = "rx";
    o.senders = {"tx"};
    o.sendEveryNs = 400;
    const auto r = ftrace::toScenario(s, o);
    QVERIFY(r.scenario);
    std::vector<std::int64_t> sends;
    for (const auto& e : r.scenario->timeline)
        if (e.kind == scenario::TimelineEntry::Kind::TaskOp) sends.push_back(e.at);
    QCOMPARE(sends, (std::vector<std::int64_t>{400, 800, 3200, 3600}));
    QCOMPARE(r.stats.sends, 4);
}

void TestFtraceImport::selectorErrors_data() {
    QTest::addColumn<QString>("receiver");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<qint64>("every");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown comm") << "nope"
                                  << "" << qint64(0) << "--receiver"
                                  << "no task named 'nope' in the trace";
    QTest::newRow("unknown pid") << "999"
                                 << "" << qint64(0) << "--receiver"
                                 << "no task with PID 999 in the trace";
    QTest::newRow("idle") << "0"
                          << "" << qint64(0) << "--receiver"
                          << "PID 0 is the idle task; it cannot send or receive";
    QTest::newRow("ambiguous") << "worker"
                               << "" << qint64(0) << "--receiver"
                               << "'worker' names 2 tasks (PIDs 5, 6): give one PID";
    QTest::newRow("sender without receiver") << ""
                                             << "a" << qint64(0) << "--sender"
                                             << "a sender needs a --receiver to send to";
    QTest::newRow("sends without sender") << "a"
                                          << "" << qint64(100) << "--send-every"
                                          << "sends need a --sender";
}

void TestFtraceImport::selectorErrors() {
    QFETCH(QString, receiver);
    QFETCH(QString, sender);
    QFETCH(qint64, every);
    const auto s = parse(kline(0, "1.000000", "a", 1, "S", "worker", 5) + "\n" +
                         kline(1, "1.000001", "swapper/1", 0, "R", "worker", 6) + "\n");
    ftrace::ImportOptions o;
    o.receiver = receiver.toStdString();
    if (!sender.isEmpty()) o.senders = {sender.toStdString()};
    o.sendEveryNs = every;
    const auto r = ftrace::toScenario(s, o);
    QVERIFY(!r.scenario);
    QVERIFY(r.error);
    QTEST(QString::fromStdString(r.error->option), "option");
    QTEST(QString::fromStdString(r.error->message), "message");
}

void TestFtraceImport::manyCpus() {
    std::string text;
    for (int round = 0; round < 3; ++round)
        for (int cpu = 0; cpu < 64; ++cpu) {
            char ts[32];
            std::snprintf(ts, sizeof ts, "3.%06d", round * 100 + cpu);
            const int pid = 1000 + cpu;
            text += round % 2 == 0
                        ? kline(cpu, ts, "swapper", 0, "R", "t" + std::to_string(cpu), pid)
                        : kline(cpu, ts, "t" + std::to_string(cpu), pid, "S", "swapper", 0);
            text += "\n";
        }
    const auto r = ftrace::toScenario(parse(text), {});
    QVERIFY(r.scenario);
    QCOMPARE(r.scenario->machine.cpus, 64);
    QCOMPARE(r.stats.tasks, 64);
    const auto loaded = scenario::loadScenarioText(scenario::saveScenarioText(*r.scenario), "x");
    QVERIFY(loaded.ok());
    const auto run = sim::runScenario(*loaded.scenario);
    QVERIFY(!run.hitStepLimit);
    QVERIFY(render::writeSvg(*loaded.scenario, run.trace, {}).find("CPU 63") != std::string::npos);
}

void TestFtraceImport::realScheduleMakesTheRace() {
    // The seed's race from a capture (trace-cmd report, µs clock): rx is switched out at 1 µs,
    // while the IPI of a SENDUIPI at 900 ns (latency 200 ns by default) is in flight.
    const std::string text =
        "cpus=2\n"
        "              rx-10    [000]   100.000000: sched_switch:         rx:10 [120] R ==> rx:10 "
        "[120]\n"
        "              tx-20    [001]   100.000000: sched_switch:         tx:20 [120] R ==> tx:20 "
        "[120]\n"
        "              rx-10    [000]   100.000001: sched_switch:         rx:10 [120] R+ ==> "
        "other:30 [120]\n"
        "           other-30    [000]   100.000001: sched_wakeup:         rx:10 [120] CPU:000\n"
        "           other-30    [000]   100.000003: sched_switch:         other:30 [120] S ==> "
        "rx:10 [120]\n";
    const auto s = parse(text);
    QVERIFY(!s.error);
    QCOMPARE(s.otherEvents, 1);
    ftrace::ImportOptions o;
    o.receiver = "rx";
    o.senders = {"tx"};
    o.sendAt = {900};
    const auto r = ftrace::toScenario(s, o);
    QVERIFY(r.scenario);
    const auto loaded = scenario::loadScenarioText(scenario::saveScenarioText(*r.scenario), "x");
    QVERIFY(loaded.ok());
    const auto run = sim::runScenario(*loaded.scenario);
    QCOMPARE(run.summary.spurious.size(), std::size_t{1});
    QCOMPARE(run.summary.spurious[0].t, 1100);
    QCOMPARE(run.summary.userInterrupts.size(), std::size_t{1});
}

QTEST_APPLESS_MAIN(TestFtraceImport)
#include "tst_ftrace_import.moc"
