// Scenario files in and out (shared/docs/scenario-format.md, the whole of it, and the `--set`
// option of shared/docs/cli.md). Every expected line, column and message below is derived from the
// documents, never copied from the loader's output: a row's column is where the offending value
// (or, for an unknown or duplicate key, the key) starts in the row's text, counted in code points.
#include "scenario/JsonPositions.h"
#include "scenario/Limits.h"
#include "scenario/ScenarioIO.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <string>

using namespace uintr::scenario;

// Declared before the test data: moc (Qt 6.4) loses its way in a raw string literal that holds an
// odd number of quotes, and would then miss a class declared after one.
class TstScenarioIo : public QObject {
    Q_OBJECT

  private slots:
    void badInput_data();
    void badInput();
    void docExampleError();
    void docExample();
    void errorIsOneLine();
    void defaults();
    void reviewerKeys();
    void presenterKeys();
    void stopTime();
    void nextFreeUittIndex();
    void fullUitt();
    void canonicalText();
    void canonicalNewKeys();
    void roundTrip_data();
    void roundTrip();
    void builtInCode();
    void overrides_data();
    void overrides();
    void overrideThenConsistency();
    void durationOverrides_data();
    void durationOverrides();
    void consistency_data();
    void consistency();
    void timelineLimit();
    void sizeLimits_data();
    void sizeLimits();
    void files();
    void positions_data();
    void positions();
    void contextAt();
    void pointerTokens();
    void truncatedTextNeverCrashes();
    void millionEntries();
};

namespace {

// A small valid scenario; the bad-input rows each replace one of its lines.
const std::string kBase = R"j({
  "format": "uintr-scenario/1",
  "title": "Base",
  "machine": { "cpus": 2 },
  "kernel": { "variant": "rfc-v1" },
  "tasks": [
    { "name": "receiver", "receiver": true },
    { "name": "sender" },
    { "name": "other" }
  ],
  "connections": [
    { "sender": "sender", "receiver": "receiver", "vector": 3 }
  ],
  "timeline": [
    { "id": "rx-on", "at": 0, "cpu": 0, "run": "receiver" },
    { "id": "tx-on", "at": 0, "cpu": 1, "run": "sender" },
    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": 0 }
  ],
  "narration": [
    { "at": 1000, "text": "posted" }
  ]
}
)j";

// scenario-format.md, the example at the top, verbatim.
const std::string kExample = R"j({
  "format": "uintr-scenario/1",
  "title": "Receiver switched out while the notification IPI is in flight",
  "summary": "One paragraph shown in the scenario library.",
  "machine": {
    "cpus": 2,
    "apic_mode": "x2apic",
    "ipi_latency_ns": 300,
    "uintr_supported": true,
    "notification_vector": 236,
    "kernel_vector": 235
  },
  "kernel": { "variant": "rfc-v1", "context_switch_ns": 0, "handler_ns": 200 },
  "tasks": [
    { "name": "receiver", "receiver": true },
    { "name": "sender" },
    { "name": "other" }
  ],
  "connections": [
    { "sender": "sender", "receiver": "receiver", "vector": 3, "uitt_index": 0 }
  ],
  "timeline": [
    { "id": "rx-on",      "at": 0,    "cpu": 0, "run": "receiver" },
    { "id": "tx-on",      "at": 0,    "cpu": 1, "run": "sender" },
    { "id": "send",       "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": 0 },
    { "id": "switch-out", "at": 1100, "cpu": 0, "run": "other" },
    { "id": "switch-in",  "at": 3000, "cpu": 0, "run": "receiver" }
  ],
  "narration": [
    { "at": 1000, "text": "The sender executes SENDUIPI: PIR bit 3 is posted, ON is set, the IPI leaves." }
  ]
}
)j";

// Every key given a non-default value, every op, an idle switch, an entry without id, the largest
// SENDUIPI operand, escapes, non-ASCII text and an expect block.
const std::string kEverything = R"j({
  "format": "uintr-scenario/1",
  "title": "Ünïcödé \"quoted\" \\ and\na newline",
  "summary": "日本語 → 🙂",
  "machine": { "cpus": 3, "apic_mode": "xapic", "ipi_latency_ns": 0, "uintr_supported": false,
               "notification_vector": 32, "kernel_vector": 255 },
  "kernel": { "variant": "misc-restore-bug", "context_switch_ns": 7, "handler_ns": 0 },
  "tasks": [ { "name": "r_1", "receiver": true }, { "name": "s-2" } ],
  "connections": [ { "sender": "s-2", "receiver": "r_1", "vector": 63 },
                   { "sender": "r_1", "receiver": "r_1", "vector": 0, "uitt_index": 255 } ],
  "timeline": [
    { "at": 0, "cpu": 2, "run": "s-2" },
    { "id": "a.b~/c", "at": 5, "task": "s-2", "op": "senduipi", "uitt_index": 18446744073709551615 },
    { "id": "2", "at": 6, "task": "s-2", "op": "clui" },
    { "id": "3", "at": 7, "task": "s-2", "op": "stui" },
    { "id": "4", "at": 8, "task": "s-2", "op": "testui" },
    { "id": "5", "at": 9, "task": "s-2", "op": "uintr_wait" },
    { "id": "6", "at": 1000000000000, "task": "s-2", "op": "exit" },
    { "id": "idle", "at": 10, "cpu": 2, "run": null }
  ],
  "narration": [ { "at": 5, "text": "Ω ≠ ∞ — \u00e9 \ud83d\ude00 tab\t" }, { "at": 0, "text": "" } ],
  "expect": { "user_interrupts": [ { "t": 3000, "vector": 3 } ],
              "events": [ { "nested": { "empty": {}, "list": [], "f": 1.5, "neg": -2,
                                        "big": 18446744073709551615, "s": "ü" } } ] }
}
)j";

// Every key added in 2026-12 at a non-default value, most at a bound of its range: the kernel
// paths with the shortest and the longest duration_ns, both unregister ops (one on a task that
// registered no handler, which the format simulates rather than refuses: "Operations"), CPU
// entries both ways (one with its keys out of the canonical order), and end_ns before the last
// `at` ("The way back to user space": events at or before the stop time run, the others do not).
const std::string kReviewer = R"j({
  "format": "uintr-scenario/1",
  "title": "The reviewer's kernel",
  "machine": { "cpus": 2, "xsaves_clears_uinv": false, "uintr_enabled": false,
               "self_ipi_latency_ns": 1000000000 },
  "kernel": { "irq_ns": 1, "variant": "reviewed" },
  "tasks": [ { "name": "rx", "receiver": true }, { "name": "tx" } ],
  "connections": [ { "sender": "tx", "receiver": "rx", "vector": 1 } ],
  "timeline": [
    { "id": "rx-on", "at": 0, "cpu": 0, "run": "rx" },
    { "id": "tx-on", "at": 0, "cpu": 1, "run": "tx" },
    { "id": "sys", "at": 100, "task": "rx", "op": "syscall", "duration_ns": 1 },
    { "id": "fpu", "at": 200, "task": "rx", "op": "kernel_fpu", "duration_ns": 1000000000 },
    { "id": "unreg-tx", "at": 300, "task": "tx", "op": "uintr_unregister_sender", "uitt_index": 0 },
    { "id": "unreg-rx", "at": 400, "task": "rx", "op": "uintr_unregister_handler" },
    { "id": "unreg-not-rx", "at": 450, "task": "tx", "op": "uintr_unregister_handler" },
    { "id": "off", "at": 500, "cpu": 1, "online": false },
    { "online": true, "at": 600, "cpu": 1 }
  ],
  "end_ns": 550
}
)j";

std::string withLine(int line, const std::string& text) {
    std::string out;
    std::size_t from = 0;
    for (int n = 1; from < kBase.size(); ++n) {
        const std::size_t end = kBase.find('\n', from);
        out += (n == line ? text : kBase.substr(from, end - from)) + '\n';
        from = end + 1;
    }
    return out;
}

Scenario mustLoad(const std::string& text) {
    const LoadResult r = loadScenarioText(text, "test.json");
    if (!r.ok()) qFatal("unexpected load error: %s", r.error->toString().c_str());
    return *r.scenario;
}

QString errorOf(const std::string& text) {
    const LoadResult r = loadScenarioText(text, "test.json");
    return r.ok() ? QStringLiteral("(loaded)") : QString::fromStdString(r.error->toString());
}

// The first difference between two scenarios, "" when equal. `uittIndexGiven` only records how
// the file spelled a connection (the canonical form always writes the index), so it is ignored.
QString difference(const Scenario& a, const Scenario& b) {
    if (a.title != b.title || a.summary != b.summary) return "title/summary";
    const auto& m = a.machine;
    const auto& n = b.machine;
    if (m.cpus != n.cpus || m.apicMode != n.apicMode || m.ipiLatencyNs != n.ipiLatencyNs ||
        m.uintrSupported != n.uintrSupported || m.notificationVector != n.notificationVector ||
        m.kernelVector != n.kernelVector || m.selfIpiLatencyNs != n.selfIpiLatencyNs ||
        m.uintrEnabled != n.uintrEnabled || m.xsavesClearsUinv != n.xsavesClearsUinv)
        return "machine";
    if (a.kernel.variant != b.kernel.variant ||
        a.kernel.contextSwitchNs != b.kernel.contextSwitchNs ||
        a.kernel.handlerNs != b.kernel.handlerNs || a.kernel.irqNs != b.kernel.irqNs)
        return "kernel";
    if (a.endNs != b.endNs) return "end_ns";
    if (a.tasks.size() != b.tasks.size()) return "tasks";
    for (std::size_t i = 0; i < a.tasks.size(); ++i)
        if (a.tasks[i].name != b.tasks[i].name || a.tasks[i].receiver != b.tasks[i].receiver)
            return QString("tasks[%1]").arg(i);
    if (a.connections.size() != b.connections.size()) return "connections";
    for (std::size_t i = 0; i < a.connections.size(); ++i) {
        const auto& c = a.connections[i];
        const auto& d = b.connections[i];
        if (c.sender != d.sender || c.receiver != d.receiver || c.vector != d.vector ||
            c.uittIndex != d.uittIndex)
            return QString("connections[%1]").arg(i);
    }
    if (a.timeline.size() != b.timeline.size()) return "timeline";
    for (std::size_t i = 0; i < a.timeline.size(); ++i) {
        const auto& e = a.timeline[i];
        const auto& f = b.timeline[i];
        // Only the fields of the entry's kind are part of it (a switch has no op, and only the
        // ops that take an argument have one).
        bool same = e.id == f.id && e.at == f.at && e.kind == f.kind;
        if (same && e.kind == TimelineEntry::Kind::ContextSwitch)
            same = e.cpu == f.cpu && e.runTask == f.runTask;
        if (same && e.kind == TimelineEntry::Kind::CpuOnline)
            same = e.cpu == f.cpu && e.online == f.online;
        if (same && e.kind == TimelineEntry::Kind::TaskOp)
            same = e.task == f.task && e.op == f.op &&
                   (!hasUittIndex(e.op) || e.uittIndex == f.uittIndex) &&
                   (!hasDuration(e.op) || e.durationNs == f.durationNs);
        if (!same) return QString("timeline[%1]").arg(i);
    }
    if (a.narration.size() != b.narration.size()) return "narration";
    for (std::size_t i = 0; i < a.narration.size(); ++i)
        if (a.narration[i].at != b.narration[i].at || a.narration[i].text != b.narration[i].text ||
            a.narration[i].notes != b.narration[i].notes ||
            a.narration[i].question != b.narration[i].question)
            return QString("narration[%1]").arg(i);
    if (a.expect != b.expect) return "expect";
    return {};
}

} // namespace

// scenario-format.md "Errors": one line FILE:LINE:COLUMN: JSON-PATH: what is wrong, the first
// error in document order. Sections cited per row: "JSON syntax" (the file is JSON), "Keys" (the
// key table, names, unknown keys), "Time and order" (a task on one CPU at a time).
void TstScenarioIo::badInput_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    // `line`: the line of kBase that `text` replaces, 0 when `text` is the whole file.
    const auto row = [](const char* name, int line, const std::string& text, int l, int c,
                        const char* path, const char* message) {
        const std::string doc = line == 0 ? text : withLine(line, text);
        QTest::newRow(name) << QByteArray::fromStdString(doc) << l << c << QString(path)
                            << QString::fromUtf8(message);
    };
    // clang-format off
    row("trailing comma", 0, R"j({ "format": "uintr-scenario/1", })j", 1, 33, "/", "syntax error: unexpected '}'"); // JSON syntax
    row("end of input inside timeline", 0, R"j({ "timeline": [ { "at": 1 })j", 1, 28, "/timeline", "unexpected end of input; expected ']'"); // JSON syntax
    row("missing comma in an entry", 15, R"j(    { "id": "rx-on" "at": 0, "cpu": 0, "run": "receiver" },)j", 15, 21, "/timeline/0", "syntax error: unexpected string literal"); // JSON syntax
    row("invalid literal", 9, R"j(    { "name": "other", "receiver": tru })j", 9, 39, "/tasks/2", "syntax error: invalid literal"); // JSON syntax
    row("empty file", 0, "", 1, 1, "/", "unexpected end of input"); // JSON syntax
    row("text after the document", 0, "{}\nx", 2, 1, "/", "syntax error"); // JSON syntax
    row("duplicate key", 15, R"j(    { "id": "rx-on", "at": 0, "at": 5, "cpu": 0, "run": "receiver" },)j", 15, 31, "/timeline/0/at", "duplicate key 'at'"); // JSON syntax
    row("document not an object", 0, "\n  []", 2, 3, "/", "expected an object, got array"); // Keys
    row("format missing", 2, R"j(  "summary": "s",)j", 1, 1, "/", "missing required key 'format'"); // Keys
    row("tasks missing", 0, R"j({ "format": "uintr-scenario/1", "timeline": [] })j", 1, 1, "/", "missing required key 'tasks'"); // Keys
    row("timeline missing", 0, "\n\n   { \"format\": \"uintr-scenario/1\", \"tasks\": [] }", 3, 4, "/", "missing required key 'timeline'"); // Keys
    row("unsupported format", 2, R"j(  "format": "uintr-scenario/2",)j", 2, 13, "/format", "unsupported format 'uintr-scenario/2'"); // Keys
    row("format not a string", 2, R"j(  "format": 1,)j", 2, 13, "/format", "expected a string, got integer"); // Keys
    row("unknown top-level key", 3, R"j(  "titel": "Base",)j", 3, 3, "/titel", "unknown key 'titel'"); // Keys
    row("title null", 3, R"j(  "title": null,)j", 3, 12, "/title", "expected a string, got null"); // Keys
    row("unknown key with / and ~ in it", 4, R"j(  "machine": { "cpus": 2, "a/b~c": 1 },)j", 4, 27, "/machine/a~1b~0c", "unknown key 'a/b~c'"); // Keys
    row("machine not an object", 4, R"j(  "machine": 2,)j", 4, 14, "/machine", "expected an object, got integer"); // Keys
    row("cpus 0", 4, R"j(  "machine": { "cpus": 0 },)j", 4, 24, "/machine/cpus", "0 is out of range 1..256"); // Keys
    row("cpus 257", 4, R"j(  "machine": { "cpus": 257 },)j", 4, 24, "/machine/cpus", "257 is out of range 1..256"); // Keys
    row("cpus float", 4, R"j(  "machine": { "cpus": 2.0 },)j", 4, 24, "/machine/cpus", "expected an integer, got 2.0"); // Keys
    row("cpus string", 4, R"j(  "machine": { "cpus": "2" },)j", 4, 24, "/machine/cpus", "expected an integer, got string"); // Keys
    row("apic_mode unknown", 4, R"j(  "machine": { "cpus": 2, "apic_mode": "x3apic" },)j", 4, 40, "/machine/apic_mode", "unknown apic_mode 'x3apic'"); // Keys
    row("ipi_latency_ns negative", 4, R"j(  "machine": { "cpus": 2, "ipi_latency_ns": -1 },)j", 4, 45, "/machine/ipi_latency_ns", "-1 is out of range 0..1000000000"); // Keys
    row("ipi_latency_ns past 10^9", 4, R"j(  "machine": { "cpus": 2, "ipi_latency_ns": 1000000001 },)j", 4, 45, "/machine/ipi_latency_ns", "1000000001 is out of range 0..1000000000"); // Keys
    row("uintr_supported string", 4, R"j(  "machine": { "cpus": 2, "uintr_supported": "yes" },)j", 4, 46, "/machine/uintr_supported", "expected a boolean, got string"); // Keys
    row("notification_vector 31", 4, R"j(  "machine": { "cpus": 2, "notification_vector": 31 },)j", 4, 50, "/machine/notification_vector", "31 is out of range 32..255"); // Keys
    row("kernel_vector equal to the default notification_vector", 4, R"j(  "machine": { "cpus": 2, "kernel_vector": 236 },)j", 4, 44, "/machine/kernel_vector", "notification_vector and kernel_vector must differ (both are 236)"); // Keys
    row("vectors equal: reported at the later", 4, R"j(  "machine": { "cpus": 2, "kernel_vector": 240, "notification_vector": 240 },)j", 4, 72, "/machine/notification_vector", "must differ"); // Keys
    row("integer past int64", 4, R"j(  "machine": { "cpus": 2, "ipi_latency_ns": 99999999999999999999 },)j", 4, 45, "/machine/ipi_latency_ns", "99999999999999999999 does not fit in a 64-bit integer"); // Keys
    row("kernel variant unknown", 5, R"j(  "kernel": { "variant": "rfc-v2" },)j", 5, 26, "/kernel/variant", "unknown kernel variant 'rfc-v2'"); // Keys
    row("handler_ns past the limit", 5, R"j(  "kernel": { "variant": "rfc-v1", "handler_ns": 1000000001 },)j", 5, 50, "/kernel/handler_ns", "1000000001 is out of range 0..1000000000"); // Keys
    row("context_switch_ns negative", 5, R"j(  "kernel": { "context_switch_ns": -5 },)j", 5, 36, "/kernel/context_switch_ns", "-5 is out of range 0..1000000000"); // Keys
    row("kernel unknown key", 5, R"j(  "kernel": { "variant": "rfc-v1", "handler": 5 },)j", 5, 36, "/kernel/handler", "unknown key 'handler'"); // Keys
    row("tasks not an array", 0, R"j({ "format": "uintr-scenario/1", "tasks": {}, "timeline": [] })j", 1, 42, "/tasks", "expected an array, got object"); // Keys
    row("task name with a capital", 7, R"j(    { "name": "Receiver", "receiver": true },)j", 7, 15, "/tasks/0/name", "'Receiver' is not a valid name"); // Keys
    row("task name of 33 characters", 8, R"j(    { "name": "sssssssssssssssssssssssssssssssss" },)j", 8, 15, "/tasks/1/name", "is not a valid name"); // Keys
    row("task name empty", 8, R"j(    { "name": "" },)j", 8, 15, "/tasks/1/name", "'' is not a valid name"); // Keys
    row("task name duplicate", 9, R"j(    { "name": "sender" })j", 9, 15, "/tasks/2/name", "duplicate task name 'sender' (also /tasks/1)"); // Keys
    row("task without name", 7, R"j(    { "receiver": true },)j", 7, 5, "/tasks/0", "missing required key 'name'"); // Keys
    row("task receiver as a string", 7, R"j(    { "name": "receiver", "receiver": "true" },)j", 7, 39, "/tasks/0/receiver", "expected a boolean, got string"); // Keys
    row("connection to an unknown sender", 12, R"j(    { "sender": "sendr", "receiver": "receiver", "vector": 3 })j", 12, 17, "/connections/0/sender", "unknown task 'sendr'"); // Keys
    row("connection to a task that is not a receiver", 12, R"j(    { "sender": "sender", "receiver": "other", "vector": 3 })j", 12, 39, "/connections/0/receiver", "task 'other' is not a receiver"); // Keys
    row("vector 64", 12, R"j(    { "sender": "sender", "receiver": "receiver", "vector": 64 })j", 12, 61, "/connections/0/vector", "64 is out of range 0..63"); // Keys
    row("vector negative", 12, R"j(    { "sender": "sender", "receiver": "receiver", "vector": -1 })j", 12, 61, "/connections/0/vector", "-1 is out of range 0..63"); // Keys
    row("connection uitt_index 256", 12, R"j(    { "sender": "sender", "receiver": "receiver", "vector": 3, "uitt_index": 256 })j", 12, 78, "/connections/0/uitt_index", "256 is out of range 0..255"); // Keys
    row("two connections of one sender at one uitt_index", 12, "    { \"sender\": \"sender\", \"receiver\": \"receiver\", \"vector\": 3, \"uitt_index\": 4 },\n    { \"uitt_index\": 4, \"sender\": \"sender\", \"receiver\": \"receiver\", \"vector\": 5 }", 13, 21, "/connections/1/uitt_index", "uitt_index 4 of sender 'sender' is already used by /connections/0"); // Keys
    row("misspelt required key: missing, with a hint", 12, R"j(    { "sender": "sender", "receiver": "receiver", "vectr": 3 })j", 12, 5, "/connections/0", "missing required key 'vector' (the object has an unknown key 'vectr')"); // Keys
    row("misspelt optional key", 12, R"j(    { "sender": "sender", "receiver": "receiver", "vector": 3, "uitt_indx": 0 })j", 12, 64, "/connections/0/uitt_indx", "unknown key 'uitt_indx' (expected one of: sender, receiver, vector, uitt_index)"); // Keys
    row("connection without vector", 12, R"j(    { "sender": "sender", "receiver": "receiver" })j", 12, 5, "/connections/0", "missing required key 'vector'"); // Keys
    row("entry both switch and operation", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": "sender", "op": "clui" },)j", 16, 5, "/timeline/1", "not both"); // Keys
    row("entry neither switch nor operation", 16, R"j(    { "id": "tx-on", "at": 0 },)j", 16, 5, "/timeline/1", "an entry needs"); // Keys
    row("entry without at", 16, R"j(    { "id": "tx-on", "cpu": 1, "run": "sender" },)j", 16, 5, "/timeline/1", "missing required key 'at'"); // Keys
    row("senduipi without uitt_index", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi" })j", 17, 5, "/timeline/2", "missing required key 'uitt_index'"); // Keys
    row("unknown op", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "sendipi", "uitt_index": 0 })j", 17, 57, "/timeline/2/op", "unknown op 'sendipi'"); // Keys
    row("clui takes no arguments", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "clui", "uitt_index": 0 })j", 17, 65, "/timeline/2/uitt_index", "unknown key 'uitt_index' ('clui' takes no arguments)"); // Keys
    row("uitt_index in a context switch", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": "sender", "uitt_index": 0 },)j", 16, 58, "/timeline/1/uitt_index", "unknown key 'uitt_index'"); // Keys
    row("cpu past the machine", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 2, "run": "sender" },)j", 16, 38, "/timeline/1/cpu", "2 is out of range 0..1"); // Keys
    row("run an unknown task", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": "nobody" },)j", 16, 48, "/timeline/1/run", "unknown task 'nobody'"); // Keys
    row("run a number", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": 5 },)j", 16, 48, "/timeline/1/run", "expected a task name or null, got integer"); // Keys
    row("operation of an unknown task", 17, R"j(    { "id": "send", "at": 1000, "task": "sendr", "op": "senduipi", "uitt_index": 0 })j", 17, 41, "/timeline/2/task", "unknown task 'sendr'"); // Keys
    row("at negative", 16, R"j(    { "id": "tx-on", "at": -1, "cpu": 1, "run": "sender" },)j", 16, 28, "/timeline/1/at", "-1 is out of range 0..1000000000000"); // Keys
    row("at past the limit", 16, R"j(    { "id": "tx-on", "at": 1000000000001, "cpu": 1, "run": "sender" },)j", 16, 28, "/timeline/1/at", "1000000000001 is out of range 0..1000000000000"); // Keys
    row("at with an exponent", 16, R"j(    { "id": "tx-on", "at": 1e3, "cpu": 1, "run": "sender" },)j", 16, 28, "/timeline/1/at", "expected an integer, got 1e3"); // Keys
    row("at past int64", 16, R"j(    { "id": "tx-on", "at": -9223372036854775809, "cpu": 1, "run": "sender" },)j", 16, 28, "/timeline/1/at", "-9223372036854775809 does not fit in a 64-bit integer"); // Keys
    row("senduipi uitt_index negative", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": -1 })j", 17, 83, "/timeline/2/uitt_index", "-1 is out of range 0..18446744073709551615"); // Keys
    row("senduipi uitt_index past 2^64-1", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": 18446744073709551616 })j", 17, 83, "/timeline/2/uitt_index", "18446744073709551616 does not fit in a 64-bit integer"); // Keys
    row("duplicate id", 16, R"j(    { "id": "rx-on", "at": 0, "cpu": 1, "run": "sender" },)j", 16, 13, "/timeline/1/id", "duplicate id 'rx-on' (also /timeline/0)"); // Keys
    row("id with a space", 16, R"j(    { "id": "tx on", "at": 0, "cpu": 1, "run": "sender" },)j", 16, 13, "/timeline/1/id", "'tx on' is not a valid id"); // Keys
    row("id with '='", 16, R"j(    { "id": "tx=on", "at": 0, "cpu": 1, "run": "sender" },)j", 16, 13, "/timeline/1/id", "is not a valid id"); // Keys
    row("id empty", 16, R"j(    { "id": "", "at": 0, "cpu": 1, "run": "sender" },)j", 16, 13, "/timeline/1/id", "'' is not a valid id"); // Keys
    row("narration without text", 20, R"j(    { "at": 1000 })j", 20, 5, "/narration/0", "missing required key 'text'"); // Keys
    row("narration unknown key", 20, R"j(    { "at": 1000, "text": "posted", "txt": "x" })j", 20, 37, "/narration/0/txt", "unknown key 'txt'"); // Keys
    row("column counts code points", 20, R"j(    { "text": "é → ü, 日本", "at": -1 })j", 20, 34, "/narration/0/at", "-1 is out of range"); // Keys
    row("expect not an object", 20, "    { \"at\": 1000, \"text\": \"posted\" }\n  ],\n  \"expect\": [", 22, 13, "/expect", "expected an object, got array"); // Keys
    row("first error in document order: an early timeline before broken tasks", 0, R"j({ "timeline": [ { "at": -3, "cpu": 0, "run": null } ], "format": "uintr-scenario/1", "tasks": [ { "name": "X" } ] })j", 1, 25, "/timeline/0/at", "-3 is out of range"); // Keys
    row("first error in document order: broken tasks before the timeline", 0, R"j({ "format": "uintr-scenario/1", "tasks": [ { "name": "X" } ], "timeline": [ { "at": 0, "cpu": 0, "run": "X" } ] })j", 1, 54, "/tasks/0/name", "'X' is not a valid name"); // Keys
    // docs/scenarios.md "Presenter keys": question and notes are strings like text.
    row("narration question not a string", 20, R"j(    { "at": 1000, "text": "posted", "question": 7 })j", 20, 49, "/narration/0/question", "expected a string, got integer"); // Keys
    row("narration notes not a string", 20, R"j(    { "at": 1000, "text": "posted", "notes": null })j", 20, 46, "/narration/0/notes", "expected a string, got null"); // Keys
    row("narration question misspelt", 20, R"j(    { "at": 1000, "text": "posted", "questions": "?" })j", 20, 37, "/narration/0/questions", "unknown key 'questions' (expected one of: at, text, notes, question)"); // Keys
    row("narration text not a string", 20, R"j(    { "at": 1000, "text": ["posted"] })j", 20, 27, "/narration/0/text", "expected a string, got array"); // Keys
    row("CRLF line ends", 0, "{\r\n  \"format\": 7,\r\n  \"tasks\": [], \"timeline\": []\r\n}\r\n", 2, 13, "/format", "expected a string, got integer"); // Keys
    row("byte order mark is not a column", 0, "\xEF\xBB\xBF" "{ \"format\": 7, \"tasks\": [], \"timeline\": [] }", 1, 13, "/format", "expected a string, got integer"); // Keys
    // The keys and entries added in 2026-12 (scenario-format.md "Operations", "The way back to
    // user space", the kernel variants).
    row("self_ipi_latency_ns negative", 4, R"j(  "machine": { "cpus": 2, "self_ipi_latency_ns": -1 },)j", 4, 50, "/machine/self_ipi_latency_ns", "-1 is out of range 0..1000000000"); // The way back to user space
    row("self_ipi_latency_ns past 10^9", 4, R"j(  "machine": { "cpus": 2, "self_ipi_latency_ns": 1000000001 },)j", 4, 50, "/machine/self_ipi_latency_ns", "1000000001 is out of range 0..1000000000"); // The way back to user space
    row("self_ipi_latency_ns float", 4, R"j(  "machine": { "cpus": 2, "self_ipi_latency_ns": 1.5 },)j", 4, 50, "/machine/self_ipi_latency_ns", "expected an integer, got 1.5"); // The way back to user space
    row("uintr_enabled a string", 4, R"j(  "machine": { "cpus": 2, "uintr_enabled": "no" },)j", 4, 44, "/machine/uintr_enabled", "expected a boolean, got string"); // The way back to user space
    row("xsaves_clears_uinv a number", 4, R"j(  "machine": { "cpus": 2, "xsaves_clears_uinv": 0 },)j", 4, 49, "/machine/xsaves_clears_uinv", "expected a boolean, got integer"); // The way back to user space
    row("machine key misspelt: the list names the new keys", 4, R"j(  "machine": { "cpus": 2, "uintr_enable": true },)j", 4, 27, "/machine/uintr_enable", "unknown key 'uintr_enable' (expected one of: cpus, apic_mode, ipi_latency_ns, self_ipi_latency_ns, uintr_supported, uintr_enabled, xsaves_clears_uinv, notification_vector, kernel_vector)"); // Keys
    row("irq_ns 0", 5, R"j(  "kernel": { "variant": "rfc-v1", "irq_ns": 0 },)j", 5, 46, "/kernel/irq_ns", "0 is out of range 1..1000000000"); // The way back to user space
    row("irq_ns past 10^9", 5, R"j(  "kernel": { "variant": "rfc-v1", "irq_ns": 1000000001 },)j", 5, 46, "/kernel/irq_ns", "1000000001 is out of range 1..1000000000"); // The way back to user space
    row("irq_ns null", 5, R"j(  "kernel": { "irq_ns": null },)j", 5, 25, "/kernel/irq_ns", "expected an integer, got null"); // The way back to user space
    row("kernel key misspelt: the list names irq_ns", 5, R"j(  "kernel": { "irq": 5 },)j", 5, 15, "/kernel/irq", "unknown key 'irq' (expected one of: variant, context_switch_ns, handler_ns, irq_ns)"); // Keys
    row("kernel variant misspelt: the list names reviewed", 5, R"j(  "kernel": { "variant": "review" },)j", 5, 26, "/kernel/variant", "unknown kernel variant 'review'; expected one of rfc-v1, no-sn, misc-restore-bug, reviewed"); // Kernel variants
    row("kernel variant capitalised", 5, R"j(  "kernel": { "variant": "Reviewed" },)j", 5, 26, "/kernel/variant", "unknown kernel variant 'Reviewed'"); // Kernel variants
    row("end_ns negative", 3, R"j(  "end_ns": -1,)j", 3, 13, "/end_ns", "-1 is out of range 0..1000000000000"); // The way back to user space
    row("end_ns past the time limit", 3, R"j(  "end_ns": 1000000000001,)j", 3, 13, "/end_ns", "1000000000001 is out of range 0..1000000000000"); // The way back to user space
    row("end_ns a string", 3, R"j(  "end_ns": "100",)j", 3, 13, "/end_ns", "expected an integer, got string"); // The way back to user space
    row("syscall without duration_ns", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "syscall" })j", 17, 5, "/timeline/2", "missing required key 'duration_ns'"); // Operations
    row("kernel_fpu without duration_ns", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "kernel_fpu" })j", 17, 5, "/timeline/2", "missing required key 'duration_ns'"); // Operations
    row("duration_ns 0", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "syscall", "duration_ns": 0 })j", 17, 83, "/timeline/2/duration_ns", "0 is out of range 1..1000000000"); // Operations
    row("duration_ns negative", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "kernel_fpu", "duration_ns": -5 })j", 17, 86, "/timeline/2/duration_ns", "-5 is out of range 1..1000000000"); // Operations
    row("duration_ns past the limit", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "syscall", "duration_ns": 1000000001 })j", 17, 83, "/timeline/2/duration_ns", "1000000001 is out of range 1..1000000000"); // Operations
    row("duration_ns a string", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "syscall", "duration_ns": "5" })j", 17, 83, "/timeline/2/duration_ns", "expected an integer, got string"); // Operations
    row("duration_ns on senduipi", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": 0, "duration_ns": 5 })j", 17, 86, "/timeline/2/duration_ns", "unknown key 'duration_ns' ('senduipi' takes uitt_index)"); // Operations
    row("duration_ns on clui", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "clui", "duration_ns": 5 })j", 17, 65, "/timeline/2/duration_ns", "unknown key 'duration_ns' ('clui' takes no arguments)"); // Operations
    row("duration_ns on uintr_unregister_handler", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "uintr_unregister_handler", "duration_ns": 5 })j", 17, 85, "/timeline/2/duration_ns", "unknown key 'duration_ns' ('uintr_unregister_handler' takes no arguments)"); // Operations
    row("uitt_index on syscall", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "syscall", "duration_ns": 5, "uitt_index": 0 })j", 17, 86, "/timeline/2/uitt_index", "unknown key 'uitt_index' ('syscall' takes duration_ns)"); // Operations
    row("uintr_unregister_sender without uitt_index", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "uintr_unregister_sender" })j", 17, 5, "/timeline/2", "missing required key 'uitt_index'"); // Operations
    row("uintr_unregister_sender uitt_index negative", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "uintr_unregister_sender", "uitt_index": -1 })j", 17, 98, "/timeline/2/uitt_index", "-1 is out of range 0..18446744073709551615"); // Operations
    row("unknown op: the list names the kernel paths", 17, R"j(    { "id": "send", "at": 1000, "task": "sender", "op": "sys_call", "duration_ns": 5 })j", 17, 57, "/timeline/2/op", "unknown op 'sys_call'; expected one of senduipi, clui, stui, testui, uintr_wait, exit, syscall, kernel_fpu, uintr_unregister_sender, uintr_unregister_handler"); // Operations
    row("duration_ns in a context switch", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": "sender", "duration_ns": 5 },)j", 16, 58, "/timeline/1/duration_ns", "unknown key 'duration_ns' (expected one of: id, at, cpu, run)"); // Keys
    row("online and run in one entry", 17, R"j(    { "id": "off", "at": 500, "cpu": 1, "online": false, "run": "sender" })j", 17, 5, "/timeline/2", "an entry is either a context switch (cpu, run) or a CPU entry (cpu, online), not both"); // Operations, CPU entries
    row("online in a task operation", 17, R"j(    { "id": "off", "at": 500, "task": "sender", "op": "clui", "online": false })j", 17, 5, "/timeline/2", "an entry is either a CPU entry (cpu, online) or a task operation (task, op), not both"); // Operations, CPU entries
    row("CPU entry without cpu", 17, R"j(    { "id": "off", "at": 500, "online": false })j", 17, 5, "/timeline/2", "missing required key 'cpu'"); // Operations, CPU entries
    row("CPU entry without at", 17, R"j(    { "id": "off", "cpu": 1, "online": false })j", 17, 5, "/timeline/2", "missing required key 'at'"); // Operations, CPU entries
    row("CPU entry past the machine", 17, R"j(    { "id": "off", "at": 500, "cpu": 2, "online": false })j", 17, 38, "/timeline/2/cpu", "2 is out of range 0..1"); // Operations, CPU entries
    row("CPU entry cpu negative", 17, R"j(    { "id": "off", "at": 500, "cpu": -1, "online": false })j", 17, 38, "/timeline/2/cpu", "-1 is out of range 0..1"); // Operations, CPU entries
    row("online a string", 17, R"j(    { "id": "off", "at": 500, "cpu": 1, "online": "false" })j", 17, 51, "/timeline/2/online", "expected a boolean, got string"); // Operations, CPU entries
    row("online null", 17, R"j(    { "id": "off", "at": 500, "cpu": 1, "online": null })j", 17, 51, "/timeline/2/online", "expected a boolean, got null"); // Operations, CPU entries
    row("CPU entry unknown key", 17, R"j(    { "id": "off", "at": 500, "cpu": 1, "online": false, "offline": true })j", 17, 58, "/timeline/2/offline", "unknown key 'offline' (expected one of: id, at, cpu, online)"); // Operations, CPU entries

    row("a task on two CPUs at once", 16, R"j(    { "id": "tx-on", "at": 0, "cpu": 1, "run": "receiver" },)j", 16, 48, "/timeline/1/run", "task 'receiver' is already running on CPU 0 at 0 ns; switch it out there first"); // Time and order
    // clang-format on
}

void TstScenarioIo::badInput() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const LoadResult r = loadScenarioText(text.toStdString(), "bad.json");
    QVERIFY2(!r.ok(), "the file loaded");
    QVERIFY(r.error.has_value());
    const LoadError& e = *r.error;
    QCOMPARE(QString::fromStdString(e.file), QStringLiteral("bad.json"));
    QCOMPARE(QString::fromStdString(e.jsonPath), path);
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY2(QString::fromStdString(e.message).contains(message), e.message.c_str());
    // One line: FILE:LINE:COLUMN: JSON-PATH: message.
    const QString full = QString::fromStdString(e.toString());
    QCOMPARE(full, QString("bad.json:%1:%2: %3: %4")
                       .arg(line)
                       .arg(column)
                       .arg(path, QString::fromStdString(e.message)));
    QVERIFY(!full.contains('\n'));
}

// docs/scenarios.md "Presenter keys": question and notes load into the narration entry, are
// written back after text, and a step without them is written as before (old files unchanged).
void TstScenarioIo::presenterKeys() {
    const Scenario s = mustLoad(withLine(
        20,
        R"j(    { "at": 1000, "text": "posted", "notes": "vote first", "question": "Spurious?" })j"));
    QCOMPARE(s.narration.size(), std::size_t{1});
    QCOMPARE(s.narration[0].question, std::string("Spurious?"));
    QCOMPARE(s.narration[0].notes, std::string("vote first"));
    QVERIFY(
        saveScenarioText(s).find(
            R"j({ "at": 1000, "text": "posted", "question": "Spurious?", "notes": "vote first" })j") !=
        std::string::npos);
    const Scenario plain = mustLoad(kBase);
    QVERIFY(plain.narration[0].question.empty() && plain.narration[0].notes.empty());
    QVERIFY(saveScenarioText(plain).find(R"j({ "at": 1000, "text": "posted" })j") !=
            std::string::npos);
}

// scenario-format.md "Errors": the example line, reproduced with the vector on line 14, column 9.
void TstScenarioIo::docExampleError() {
    const std::string race = R"j({
  "format": "uintr-scenario/1",
  "title": "race",
  "machine": { "cpus": 2 },
  "tasks": [
    { "name": "receiver", "receiver": true },
    { "name": "sender" }
  ],
  "connections": [
    {
      "sender": "sender",
      "receiver": "receiver",
      "vector":
        64
    }
  ],
  "timeline": []
}
)j";
    const LoadResult r = loadScenarioText(race, "race.json");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->toString()),
             QStringLiteral("race.json:14:9: /connections/0/vector: 64 is out of range 0..63"));
}

// scenario-format.md "Errors": one line, whatever a key holds. The pointer keeps the key as it is
// (it is a real RFC 6901 pointer); the printed line escapes control characters.
void TstScenarioIo::errorIsOneLine() {
    const LoadResult r = loadScenarioText(
        R"({ "format": "uintr-scenario/1", "tasks": [], "timeline": [], "a\nb": 1 })", "t.json");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->jsonPath), QStringLiteral("/a\nb"));
    QCOMPARE(QString::fromStdString(r.error->toString()),
             QStringLiteral("t.json:1:62: /a\\x0Ab: unknown key 'a\\x0Ab' (expected one of: "
                            "format, title, summary, machine, kernel, end_ns, tasks, "
                            "connections, timeline, narration, expect)"));
}

// scenario-format.md: the example file itself loads, and means what the text says.
void TstScenarioIo::docExample() {
    const Scenario s = mustLoad(kExample);
    QCOMPARE(s.machine.cpus, 2);
    QCOMPARE(s.machine.ipiLatencyNs, std::int64_t{300});
    QCOMPARE(s.tasks.size(), std::size_t{3});
    QVERIFY(s.tasks[0].receiver);
    QVERIFY(!s.tasks[1].receiver);
    QCOMPARE(s.connections[0].sender, 1);
    QCOMPARE(s.connections[0].receiver, 0);
    QCOMPARE(s.connections[0].vector, 3);
    QVERIFY(s.connections[0].uittIndexGiven);
    QCOMPARE(s.timeline.size(), std::size_t{5});
    const TimelineEntry& send = s.timeline[2];
    QCOMPARE(send.kind, TimelineEntry::Kind::TaskOp);
    QCOMPARE(send.task, 1);
    QCOMPARE(send.op, OpKind::SendUipi);
    QCOMPARE(send.at, std::int64_t{1000});
    const TimelineEntry& out = s.timeline[3];
    QCOMPARE(out.kind, TimelineEntry::Kind::ContextSwitch);
    QCOMPARE(out.cpu, 0);
    QCOMPARE(out.runTask, 2);
    QCOMPARE(s.findEntry("switch-in"), 4);
    QCOMPARE(s.narration.size(), std::size_t{1});
    QVERIFY(!s.expect.has_value());
}

// scenario-format.md "Keys": the default column; title and summary default to "".
void TstScenarioIo::defaults() {
    for (const std::string& text :
         {std::string(
              R"({ "format": "uintr-scenario/1", "tasks": [ { "name": "t" } ], "timeline": [] })"),
          std::string(
              R"({ "timeline": [], "machine": {}, "kernel": {}, "tasks": [ { "name": "t" } ],
                          "format": "uintr-scenario/1", "connections": [], "narration": [] })")}) {
        const Scenario s = mustLoad(text);
        QCOMPARE(s.title, std::string());
        QCOMPARE(s.summary, std::string());
        QCOMPARE(s.machine.cpus, 1);
        QCOMPARE(s.machine.apicMode, ApicMode::X2Apic);
        QCOMPARE(s.machine.ipiLatencyNs, std::int64_t{200});
        QCOMPARE(s.machine.uintrSupported, true);
        QCOMPARE(int(s.machine.notificationVector), 236);
        QCOMPARE(int(s.machine.kernelVector), 235);
        QCOMPARE(s.kernel.variant, KernelVariant::RfcV1);
        QCOMPARE(s.kernel.contextSwitchNs, std::int64_t{0});
        QCOMPARE(s.kernel.handlerNs, std::int64_t{200});
        QCOMPARE(s.tasks.at(0).receiver, false);
        QVERIFY(s.connections.empty() && s.timeline.empty() && s.narration.empty());
        QVERIFY(!s.expect.has_value());
        // "The way back to user space": the default column of the keys added in 2026-12.
        QCOMPARE(s.machine.selfIpiLatencyNs, std::int64_t{0});
        QCOMPARE(s.machine.uintrEnabled, true);
        QCOMPARE(s.machine.xsavesClearsUinv, true);
        QCOMPARE(s.kernel.irqNs, std::int64_t{100});
        QVERIFY(!s.endNs.has_value());
    }
}

// scenario-format.md "Operations", "The way back to user space" and the kernel variants: every
// key added in 2026-12 loads with the value the file gives it.
void TstScenarioIo::reviewerKeys() {
    const Scenario s = mustLoad(kReviewer);
    QCOMPARE(s.machine.selfIpiLatencyNs, std::int64_t{1'000'000'000});
    QCOMPARE(s.machine.uintrSupported, true);
    QCOMPARE(s.machine.uintrEnabled, false); // "available but not enabled": never a load error
    QCOMPARE(s.machine.xsavesClearsUinv, false);
    QCOMPARE(s.kernel.variant, KernelVariant::Reviewed);
    QCOMPARE(s.kernel.irqNs, std::int64_t{1});
    QCOMPARE(s.endNs.value_or(-1), std::int64_t{550});
    QCOMPARE(s.timeline.size(), std::size_t{9});

    const TimelineEntry& sys = s.timeline[2];
    QCOMPARE(sys.kind, TimelineEntry::Kind::TaskOp);
    QCOMPARE(sys.task, 0);
    QCOMPARE(sys.op, OpKind::Syscall);
    QCOMPARE(sys.durationNs, std::int64_t{1});
    const TimelineEntry& fpu = s.timeline[3];
    QCOMPARE(fpu.op, OpKind::KernelFpu);
    QCOMPARE(fpu.durationNs, std::int64_t{1'000'000'000});
    const TimelineEntry& unregTx = s.timeline[4];
    QCOMPARE(unregTx.op, OpKind::UnregisterSender);
    QCOMPARE(unregTx.task, 1);
    QCOMPARE(unregTx.uittIndex, std::uint64_t{0});
    QCOMPARE(s.timeline[5].op, OpKind::UnregisterHandler);
    QCOMPARE(s.timeline[6].op, OpKind::UnregisterHandler);
    QCOMPARE(s.timeline[6].task, 1); // not a receiver: simulated, not refused

    const TimelineEntry& off = s.timeline[7];
    QCOMPARE(off.kind, TimelineEntry::Kind::CpuOnline);
    QCOMPARE(off.cpu, 1);
    QCOMPARE(off.online, false);
    QCOMPARE(off.at, std::int64_t{500});
    const TimelineEntry& on = s.timeline[8];
    QCOMPARE(on.kind, TimelineEntry::Kind::CpuOnline);
    QCOMPARE(on.online, true);
    QCOMPARE(on.at, std::int64_t{600});
    QVERIFY(on.id.empty());

    // Any register value for uintr_unregister_sender, as for SENDUIPI: what the kernel does with
    // an index it never handed out is simulated.
    std::string huge = kReviewer;
    const std::string from = R"("uitt_index": 0 })";
    huge.replace(huge.find(from), from.size(), R"("uitt_index": 18446744073709551615 })");
    QCOMPARE(mustLoad(huge).timeline[4].uittIndex, std::uint64_t{18446744073709551615u});
}

// scenario-format.md "The way back to user space", `end_ns`: the stop time is `end_ns` when the
// file gives it (0 and a time before the last `at` included), else the largest `at` + 100 us.
void TstScenarioIo::stopTime() {
    QCOMPARE(mustLoad(kReviewer).stopTime(), std::int64_t{550});
    QCOMPARE(mustLoad(kExample).stopTime(), std::int64_t{3000 + 100'000});
    Scenario s = mustLoad(kExample);
    QVERIFY(!applyOverride(s, "switch-in.at=7000")); // after --set
    QCOMPARE(s.stopTime(), std::int64_t{7000 + 100'000});
    const std::string head = R"({ "format": "uintr-scenario/1", "tasks": [], "timeline": [])";
    QCOMPARE(mustLoad(head + R"(, "end_ns": 0 })").stopTime(), std::int64_t{0});
    QCOMPARE(mustLoad(head + R"(, "end_ns": 1000000000000 })").stopTime(),
             std::int64_t{1'000'000'000'000});
    QCOMPARE(mustLoad(head + " }").stopTime(), std::int64_t{100'000});
}

// scenario-format.md "Keys", connections[]: "index: next free". The explicit indices of a sender
// are reserved first; then the others take, in file order, the lowest index still free.
void TstScenarioIo::nextFreeUittIndex() {
    const Scenario s = mustLoad(R"({
  "format": "uintr-scenario/1",
  "tasks": [ { "name": "r", "receiver": true }, { "name": "a" }, { "name": "b" } ],
  "connections": [
    { "sender": "a", "receiver": "r", "vector": 1 },
    { "sender": "a", "receiver": "r", "vector": 2, "uitt_index": 0 },
    { "sender": "a", "receiver": "r", "vector": 3 },
    { "sender": "a", "receiver": "r", "vector": 4, "uitt_index": 2 },
    { "sender": "b", "receiver": "r", "vector": 5 }
  ],
  "timeline": []
})");
    QCOMPARE(s.connections.size(), std::size_t{5});
    const int expected[] = {1, 0, 3, 2, 0};
    const bool given[] = {false, true, false, true, false};
    for (std::size_t i = 0; i < 5; ++i) {
        QCOMPARE(s.connections[i].uittIndex, expected[i]);
        QCOMPARE(s.connections[i].uittIndexGiven, given[i]);
    }
}

// A sender has limits::kUittEntries UITT entries: one connection too many has no free index.
void TstScenarioIo::fullUitt() {
    std::string text =
        R"({ "format": "uintr-scenario/1", "tasks": [ { "name": "r", "receiver": true },
{ "name": "a" } ], "timeline": [], "connections": [)";
    for (int i = 0; i < limits::kUittEntries; ++i)
        text += "\n{ \"sender\": \"a\", \"receiver\": \"r\", \"vector\": 1, \"uitt_index\": " +
                std::to_string(limits::kUittEntries - 1 - i) + " },";
    QVERIFY(loadScenarioText(
                text + "\n{ \"sender\": \"a\", \"receiver\": \"r\", \"vector\": 9 } ] }", "f")
                .error.has_value());
    QCOMPARE(errorOf(text + "\n{ \"sender\": \"a\", \"receiver\": \"r\", \"vector\": 9 } ] }"),
             QString("test.json:%1:1: /connections/256: no free uitt_index for sender 'a': all 256 "
                     "entries are used (limits::kUittEntries)")
                 .arg(2 + limits::kUittEntries + 1));
    text.pop_back(); // the last comma: exactly kUittEntries connections load
    QCOMPARE(mustLoad(text + "] }").connections.size(), std::size_t(limits::kUittEntries));
}

// The canonical form (ScenarioIO.h, saveScenarioText): keys in the order of scenario-format.md,
// defaults written out, one entry per line, single spaces (no alignment to churn in diffs).
void TstScenarioIo::canonicalText() {
    const std::string expected = R"j({
  "format": "uintr-scenario/1",
  "title": "Receiver switched out while the notification IPI is in flight",
  "summary": "One paragraph shown in the scenario library.",
  "machine": {
    "cpus": 2,
    "apic_mode": "x2apic",
    "ipi_latency_ns": 300,
    "uintr_supported": true,
    "notification_vector": 236,
    "kernel_vector": 235
  },
  "kernel": { "variant": "rfc-v1", "context_switch_ns": 0, "handler_ns": 200 },
  "tasks": [
    { "name": "receiver", "receiver": true },
    { "name": "sender", "receiver": false },
    { "name": "other", "receiver": false }
  ],
  "connections": [
    { "sender": "sender", "receiver": "receiver", "vector": 3, "uitt_index": 0 }
  ],
  "timeline": [
    { "id": "rx-on", "at": 0, "cpu": 0, "run": "receiver" },
    { "id": "tx-on", "at": 0, "cpu": 1, "run": "sender" },
    { "id": "send", "at": 1000, "task": "sender", "op": "senduipi", "uitt_index": 0 },
    { "id": "switch-out", "at": 1100, "cpu": 0, "run": "other" },
    { "id": "switch-in", "at": 3000, "cpu": 0, "run": "receiver" }
  ],
  "narration": [
    { "at": 1000, "text": "The sender executes SENDUIPI: PIR bit 3 is posted, ON is set, the IPI leaves." }
  ]
}
)j";
    QCOMPARE(QString::fromStdString(saveScenarioText(mustLoad(kExample))),
             QString::fromStdString(expected));

    const std::string minimal = saveScenarioText(
        mustLoad(R"({ "format": "uintr-scenario/1", "tasks": [], "timeline": [] })"));
    QVERIFY(minimal.find("  \"connections\": [],\n  \"timeline\": [],\n  \"narration\": []\n}\n") !=
            std::string::npos);
    QVERIFY(minimal.find("\"expect\"") == std::string::npos);
}

// The keys added in 2026-12 in the canonical form: beside the key each qualifies, end_ns after
// kernel, CPU entries as `cpu, online`, each op's arguments after it. Written only when not
// default, so that an older file saves to the bytes it saved to before (canonicalText above).
void TstScenarioIo::canonicalNewKeys() {
    const std::string expected = R"j({
  "format": "uintr-scenario/1",
  "title": "The reviewer's kernel",
  "summary": "",
  "machine": {
    "cpus": 2,
    "apic_mode": "x2apic",
    "ipi_latency_ns": 200,
    "self_ipi_latency_ns": 1000000000,
    "uintr_supported": true,
    "uintr_enabled": false,
    "xsaves_clears_uinv": false,
    "notification_vector": 236,
    "kernel_vector": 235
  },
  "kernel": { "variant": "reviewed", "context_switch_ns": 0, "handler_ns": 200, "irq_ns": 1 },
  "end_ns": 550,
  "tasks": [
    { "name": "rx", "receiver": true },
    { "name": "tx", "receiver": false }
  ],
  "connections": [
    { "sender": "tx", "receiver": "rx", "vector": 1, "uitt_index": 0 }
  ],
  "timeline": [
    { "id": "rx-on", "at": 0, "cpu": 0, "run": "rx" },
    { "id": "tx-on", "at": 0, "cpu": 1, "run": "tx" },
    { "id": "sys", "at": 100, "task": "rx", "op": "syscall", "duration_ns": 1 },
    { "id": "fpu", "at": 200, "task": "rx", "op": "kernel_fpu", "duration_ns": 1000000000 },
    { "id": "unreg-tx", "at": 300, "task": "tx", "op": "uintr_unregister_sender", "uitt_index": 0 },
    { "id": "unreg-rx", "at": 400, "task": "rx", "op": "uintr_unregister_handler" },
    { "id": "unreg-not-rx", "at": 450, "task": "tx", "op": "uintr_unregister_handler" },
    { "id": "off", "at": 500, "cpu": 1, "online": false },
    { "at": 600, "cpu": 1, "online": true }
  ],
  "narration": []
}
)j";
    QCOMPARE(QString::fromStdString(saveScenarioText(mustLoad(kReviewer))),
             QString::fromStdString(expected));

    // A new key given at its default is the same scenario as one without it, and saves the same.
    std::string explicitDefaults = kBase;
    explicitDefaults.replace(explicitDefaults.find(R"("cpus": 2 })"), 11,
                             R"("cpus": 2, "self_ipi_latency_ns": 0, "uintr_enabled": true, )"
                             R"("xsaves_clears_uinv": true })");
    explicitDefaults.replace(explicitDefaults.find(R"("rfc-v1" })"), 10,
                             R"("rfc-v1", "irq_ns": 100 })");
    QVERIFY(explicitDefaults.find("irq_ns") != std::string::npos);
    QVERIFY(explicitDefaults.find("xsaves_clears_uinv") != std::string::npos);
    QCOMPARE(QString::fromStdString(saveScenarioText(mustLoad(explicitDefaults))),
             QString::fromStdString(saveScenarioText(mustLoad(kBase))));
}

void TstScenarioIo::roundTrip_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("doc example") << QByteArray::fromStdString(kExample);
    QTest::newRow("implicit uitt_index, defaults") << QByteArray::fromStdString(kBase);
    QTest::newRow("everything, unicode, expect") << QByteArray::fromStdString(kEverything);
    QTest::newRow("every key added in 2026-12") << QByteArray::fromStdString(kReviewer);
    QTest::newRow("presenter keys") << QByteArray::fromStdString(withLine(
        20,
        R"j(    { "at": 1000, "text": "posted", "question": "Spurious?", "notes": "Ask \"why\" ☺" })j"));
    QTest::newRow("empty") << QByteArray(
        R"({ "format": "uintr-scenario/1", "tasks": [], "timeline": [], "expect": {} })");
}

// ScenarioIO.h: load(save(s)) == s, and the save is byte-stable.
void TstScenarioIo::roundTrip() {
    QFETCH(QByteArray, text);
    const Scenario first = mustLoad(text.toStdString());
    const std::string saved = saveScenarioText(first);
    QVERIFY(saved.ends_with("}\n"));
    const Scenario second = mustLoad(saved);
    QCOMPARE(difference(first, second), QString());
    QCOMPARE(QString::fromStdString(saveScenarioText(second)), QString::fromStdString(saved));
}

// A scenario made in code (as the app's editor makes them) survives a save and a load too; and
// non-ASCII text is written as UTF-8, not as \u escapes.
void TstScenarioIo::builtInCode() {
    Scenario s;
    s.title = "Wait → wake";
    s.machine.cpus = 4;
    s.kernel.variant = KernelVariant::NoSn;
    s.tasks = {{"rx", true}, {"tx", false}};
    s.connections = {{1, 0, 7, 5, false}};
    TimelineEntry on;
    on.at = 0;
    on.cpu = 3;
    on.runTask = 0;
    TimelineEntry wait = on;
    wait.kind = TimelineEntry::Kind::TaskOp;
    wait.id = "wait";
    wait.at = 10;
    wait.task = 0;
    wait.op = OpKind::UintrWait;
    s.timeline = {on, wait};
    s.narration = {{10, "blocks in uintr_wait — UPID.NV becomes the kernel vector", {}, {}}};
    s.expect =
        nlohmann::ordered_json::parse(R"({ "spurious": 1, "events": [{ "a": [true, null] }] })");
    const std::string saved = saveScenarioText(s);
    QVERIFY(saved.find("Wait → wake") != std::string::npos);
    QVERIFY(saved.find("\"spurious\": 1") < saved.find("\"a\": [")); // expect kept as written
    const Scenario back = mustLoad(saved);
    QCOMPARE(difference(s, back), QString());
    QCOMPARE(back.connections[0].uittIndex, 5);
    QCOMPARE(saveScenarioText(back), saved);
}

void TstScenarioIo::overrides_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("at");     // the entry's `at` afterwards
    QTest::addColumn<QString>("error"); // a fragment; empty: no error
    QTest::newRow("move") << "send.at=1500"
                          << "send" << qint64(1500) << "";
    QTest::newRow("to zero") << "switch-out.at=0"
                             << "switch-out" << qint64(0) << "";
    QTest::newRow("to the limit") << "send.at=1000000000000"
                                  << "send" << qint64(1000000000000) << "";
    QTest::newRow("id with dots") << "a.b.at=7"
                                  << "a.b" << qint64(7) << "";
    QTest::newRow("unknown id") << "nope.at=1"
                                << "send" << qint64(1000) << "no timeline entry has the id 'nope'";
    QTest::newRow("not an integer") << "send.at=abc"
                                    << "send" << qint64(1000) << "'abc' is not an integer";
    QTest::newRow("fraction") << "send.at=1.5"
                              << "send" << qint64(1000) << "'1.5' is not an integer";
    QTest::newRow("empty value") << "send.at="
                                 << "send" << qint64(1000) << "'' is not an integer";
    QTest::newRow("plus sign") << "send.at=+5"
                               << "send" << qint64(1000) << "is not an integer";
    QTest::newRow("negative") << "send.at=-1"
                              << "send" << qint64(1000) << "-1 is out of range 0..1000000000000";
    QTest::newRow("past the limit") << "send.at=1000000000001"
                                    << "send" << qint64(1000) << "out of range";
    QTest::newRow("past int64") << "send.at=99999999999999999999"
                                << "send" << qint64(1000) << "out of range";
    QTest::newRow("no field") << "send=5"
                              << "send" << qint64(1000) << "expected ID.at=NS";
    QTest::newRow("no '='") << "send.at"
                            << "send" << qint64(1000) << "expected ID.at=NS";
    QTest::newRow("no id") << ".at=5"
                           << "send" << qint64(1000) << "expected ID.at=NS";
    QTest::newRow("other field") << "send.cpu=1"
                                 << "send" << qint64(1000) << "cannot set 'cpu'";
}

// cli.md: --set ID.at=NS moves timeline entry ID; a bad spec changes nothing.
void TstScenarioIo::overrides() {
    QFETCH(QString, spec);
    QFETCH(QString, id);
    QFETCH(qint64, at);
    QFETCH(QString, error);
    Scenario s = mustLoad(kExample);
    s.timeline[4].id = "a.b";
    const std::string before = saveScenarioText(s);
    const auto result = applyOverride(s, spec.toStdString());
    if (error.isEmpty()) {
        QVERIFY2(!result, result ? result->c_str() : "");
    } else {
        QVERIFY(result.has_value());
        QVERIFY2(QString::fromStdString(*result).contains(error), result->c_str());
        QVERIFY(!QString::fromStdString(*result).contains('\n'));
        QCOMPARE(saveScenarioText(s), before);
    }
    QCOMPARE(s.timeline[std::size_t(s.findEntry(id.toStdString()))].at, std::int64_t(at));
}

void TstScenarioIo::durationOverrides_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("entry");       // the kReviewer entry to look at afterwards
    QTest::addColumn<qint64>("at");       // its `at` afterwards
    QTest::addColumn<qint64>("duration"); // its duration_ns afterwards
    QTest::addColumn<QString>("error");   // a fragment; empty: no error
    // --set ID.at=NS moves every kind of entry (cli.md).
    QTest::newRow("move a syscall") << "sys.at=150" << 2 << qint64(150) << qint64(1) << "";
    QTest::newRow("move an unregister") << "unreg-rx.at=0" << 5 << qint64(0) << qint64(0) << "";
    QTest::newRow("move a CPU entry") << "off.at=2000" << 7 << qint64(2000) << qint64(0) << "";
    // --set ID.duration_ns=NS: the ops that take one ("Operations"), in the loader's range.
    QTest::newRow("lengthen a syscall")
        << "sys.duration_ns=700" << 2 << qint64(100) << qint64(700) << "";
    QTest::newRow("shorten kernel_fpu to 1")
        << "fpu.duration_ns=1" << 3 << qint64(200) << qint64(1) << "";
    QTest::newRow("kernel_fpu to the limit")
        << "fpu.duration_ns=1000000000" << 3 << qint64(200) << qint64(1000000000) << "";
    QTest::newRow("duration 0") << "sys.duration_ns=0" << 2 << qint64(100) << qint64(1)
                                << "0 is out of range 1..1000000000";
    QTest::newRow("duration past the limit")
        << "sys.duration_ns=1000000001" << 2 << qint64(100) << qint64(1)
        << "1000000001 is out of range 1..1000000000";
    QTest::newRow("duration not an integer")
        << "sys.duration_ns=5us" << 2 << qint64(100) << qint64(1) << "'5us' is not an integer";
    QTest::newRow("duration of an op without one")
        << "unreg-tx.duration_ns=5" << 4 << qint64(300) << qint64(0)
        << "entry 'unreg-tx' has no duration_ns ('uintr_unregister_sender' takes none)";
    QTest::newRow("duration of a context switch")
        << "rx-on.duration_ns=5" << 0 << qint64(0) << qint64(0)
        << "entry 'rx-on' has no duration_ns (not a task operation)";
    QTest::newRow("duration of a CPU entry")
        << "off.duration_ns=5" << 7 << qint64(500) << qint64(0)
        << "entry 'off' has no duration_ns (not a task operation)";
    QTest::newRow("duration of an unknown id")
        << "nope.duration_ns=5" << 2 << qint64(100) << qint64(1)
        << "no timeline entry has the id 'nope'";
    QTest::newRow("other field names both")
        << "off.online=1" << 7 << qint64(500) << qint64(0)
        << "cannot set 'online': only ID.at=NS and ID.duration_ns=NS are supported";
}

// --set on the entries added in 2026-12; a bad spec changes nothing.
void TstScenarioIo::durationOverrides() {
    QFETCH(QString, spec);
    QFETCH(int, entry);
    QFETCH(qint64, at);
    QFETCH(qint64, duration);
    QFETCH(QString, error);
    Scenario s = mustLoad(kReviewer);
    const std::string before = saveScenarioText(s);
    const auto result = applyOverride(s, spec.toStdString());
    if (error.isEmpty()) {
        QVERIFY2(!result, result ? result->c_str() : "");
    } else {
        QVERIFY(result.has_value());
        QVERIFY2(QString::fromStdString(*result).contains(error), result->c_str());
        QCOMPARE(saveScenarioText(s), before);
    }
    const TimelineEntry& e = s.timeline.at(std::size_t(entry));
    QCOMPARE(e.at, std::int64_t(at));
    QCOMPARE(e.durationNs, std::int64_t(duration));
}

// scenario-format.md "Time and order": after --set the caller re-runs checkConsistency; ties are
// taken in file order.
void TstScenarioIo::overrideThenConsistency() {
    Scenario s = mustLoad(R"({ "format": "uintr-scenario/1", "machine": { "cpus": 2 },
      "tasks": [ { "name": "a" }, { "name": "b" } ],
      "timeline": [ { "at": 0, "cpu": 0, "run": "a" }, { "at": 0, "cpu": 1, "run": "b" },
                    { "id": "move", "at": 500, "cpu": 1, "run": "a" },
                    { "id": "out", "at": 400, "cpu": 0, "run": null } ] })");
    QVERIFY(!checkConsistency(s));
    QVERIFY(!applyOverride(s, "out.at=500")); // same instant, but listed after "move"
    auto c = checkConsistency(s);
    QVERIFY(c.has_value());
    QCOMPARE(c->entry, 2);
    QCOMPARE(QString::fromStdString(c->message),
             QStringLiteral(
                 "task 'a' is already running on CPU 0 at 500 ns; switch it out there first"));
    QVERIFY(!applyOverride(s, "move.at=501"));
    QVERIFY(!checkConsistency(s));
}

void TstScenarioIo::consistency_data() {
    QTest::addColumn<QByteArray>("timeline");
    QTest::addColumn<int>("entry"); // -1: consistent
    QTest::addColumn<QString>("message");
    QTest::newRow("out, then in elsewhere")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 10, "cpu": 0, "run": null }, { "at": 20, "cpu": 1, "run": "a" })")
        << -1 << "";
    QTest::newRow("same instant, out listed first")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 100, "cpu": 0, "run": null }, { "at": 100, "cpu": 1, "run": "a" })")
        << -1 << "";
    QTest::newRow("same instant, out listed after")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 100, "cpu": 1, "run": "a" }, { "at": 100, "cpu": 0, "run": null })")
        << 1 << "task 'a' is already running on CPU 0 at 100 ns; switch it out there first";
    QTest::newRow("time order, not file order")
        << QByteArray(
               R"({ "at": 200, "cpu": 1, "run": "a" }, { "at": 0, "cpu": 0, "run": "a" }, { "at": 300, "cpu": 0, "run": null })")
        << 0 << "task 'a' is already running on CPU 0 at 200 ns; switch it out there first";
    QTest::newRow("replaced by another task")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 100, "cpu": 0, "run": "b" }, { "at": 150, "cpu": 1, "run": "a" })")
        << -1 << "";
    QTest::newRow("switched to the same CPU again")
        << QByteArray(R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 100, "cpu": 0, "run": "a" })")
        << -1 << "";
    QTest::newRow("task operations are ignored")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 50, "task": "a", "op": "clui" }, { "at": 60, "task": "b", "op": "stui" })")
        << -1 << "";
    // "Operations", CPU entries: an offline entry waits until its CPU is idle, so it never frees
    // a task to run elsewhere, nor counts as a switch.
    QTest::newRow("CPU entries are not switches")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 50, "cpu": 1, "online": false }, { "at": 60, "cpu": 1, "online": true }, { "at": 70, "cpu": 1, "run": "b" })")
        << -1 << "";
    QTest::newRow("taking its CPU offline does not move a task")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "a" }, { "at": 50, "cpu": 0, "online": false }, { "at": 60, "cpu": 1, "run": "a" })")
        << 2 << "task 'a' is already running on CPU 0 at 60 ns; switch it out there first";
    QTest::newRow("third CPU")
        << QByteArray(
               R"({ "at": 0, "cpu": 0, "run": "b" }, { "at": 0, "cpu": 1, "run": "a" }, { "at": 5, "cpu": 2, "run": "b" })")
        << 2 << "task 'b' is already running on CPU 0 at 5 ns; switch it out there first";
}

// scenario-format.md "Time and order": a task runs on at most one CPU at a time; the loader
// reports the offending switch at its "run".
void TstScenarioIo::consistency() {
    QFETCH(QByteArray, timeline);
    QFETCH(int, entry);
    QFETCH(QString, message);
    const std::string text = R"({ "format": "uintr-scenario/1", "machine": { "cpus": 3 },
  "tasks": [ { "name": "a" }, { "name": "b" } ],
  "timeline": [ )" + timeline.toStdString() +
                             " ] }";
    const LoadResult r = loadScenarioText(text, "c.json");
    if (entry < 0) {
        QVERIFY2(r.ok(), r.error ? r.error->toString().c_str() : "");
        QVERIFY(!checkConsistency(*r.scenario));
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->jsonPath), QString("/timeline/%1/run").arg(entry));
    QCOMPARE(QString::fromStdString(r.error->message), message);
    QCOMPARE(r.error->line, 3);
}

// Limits.h, kMaxTimelineEntries: one entry too many is refused before any entry is looked at
// (the first entry here is bad too), and quickly.
void TstScenarioIo::timelineLimit() {
    const std::string head = R"({ "format": "uintr-scenario/1", "tasks": [], "timeline": [)";
    std::string text = head + "\n{ \"at\": -1, \"cpu\": 0, \"run\": null }";
    const std::string entry = ",\n{\"at\":0,\"cpu\":0,\"run\":null}";
    text.reserve(text.size() + entry.size() * std::size_t(limits::kMaxTimelineEntries) + 8);
    for (std::int64_t i = 1; i < limits::kMaxTimelineEntries + 1; ++i)
        text += entry;
    text += "] }";
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = loadScenarioText(text, "huge.json");
    const qint64 ms = timer.elapsed();
    qInfo("%lld entries refused in %lld ms",
          static_cast<long long>(limits::kMaxTimelineEntries + 1), ms);
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->toString()),
             QString("huge.json:1:%1: /timeline: too many entries: more than 2000000 "
                     "(limits::kMaxTimelineEntries)")
                 .arg(head.size()));
}

void TstScenarioIo::sizeLimits_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path"); // empty: loads
    QTest::addColumn<QString>("message");
    const auto many = [](const std::string& entry, std::int64_t count) {
        std::string items;
        for (std::int64_t i = 0; i < count; ++i)
            (items += i ? ",\n" : "") += entry;
        return items;
    };
    const std::string doc = R"({ "format": "uintr-scenario/1", )";
    const std::string tasks =
        R"("tasks": [ { "name": "r", "receiver": true }, { "name": "s" } ], )";
    const auto task = [](int i) { return "{ \"name\": \"t" + std::to_string(i) + "\" }"; };
    std::string allTasks;
    for (int i = 0; i <= limits::kMaxTasks; ++i)
        (allTasks += i ? ", " : "") += task(i);
    QTest::newRow("kMaxTasks + 1 tasks")
        << QByteArray::fromStdString(doc + "\"tasks\": [" + allTasks + "], \"timeline\": [] }")
        << "/tasks"
        << "too many entries: more than 1024 (limits::kMaxTasks)";
    allTasks.erase(allTasks.rfind(", "));
    QTest::newRow("kMaxTasks tasks")
        << QByteArray::fromStdString(doc + "\"tasks\": [" + allTasks + "], \"timeline\": [] }")
        << ""
        << "";
    const std::string connection =
        R"({ "sender": "s", "receiver": "r", "vector": 1, "uitt_index": 0 })";
    QTest::newRow("kMaxConnections + 1 connections")
        << QByteArray::fromStdString(doc + tasks + "\"timeline\": [], \"connections\": [" +
                                     many(connection, limits::kMaxConnections + 1) + "] }")
        << "/connections"
        << "too many entries: more than 4096 (limits::kMaxConnections)";
    const std::string note = R"({ "at": 1, "text": "n" })";
    QTest::newRow("kMaxNarrationEntries + 1 notes")
        << QByteArray::fromStdString(doc + tasks + "\"timeline\": [], \"narration\": [" +
                                     many(note, limits::kMaxNarrationEntries + 1) + "] }")
        << "/narration"
        << "too many entries: more than 100000 (limits::kMaxNarrationEntries)";
    QTest::newRow("kMaxNarrationEntries notes")
        << QByteArray::fromStdString(doc + tasks + "\"timeline\": [], \"narration\": [" +
                                     many(note, limits::kMaxNarrationEntries) + "] }")
        << ""
        << "";
    const auto text = [&](std::size_t bytes) {
        return QByteArray::fromStdString(
            doc + tasks + "\"timeline\": [], \"narration\": [ { \"at\": 1, \"text\": \"" +
            std::string(bytes, 'x') + "\" } ] }");
    };
    QTest::newRow("text of kMaxTextBytes + 1")
        << text(limits::kMaxTextBytes + 1) << "/narration/0/text"
        << "text of 16385 bytes is longer than 16384 (limits::kMaxTextBytes)";
    QTest::newRow("text of kMaxTextBytes") << text(limits::kMaxTextBytes) << ""
                                           << "";
    const auto nested = [&](int depth) {
        return QByteArray::fromStdString(doc + tasks +
                                         "\"timeline\": [], \"expect\": { \"events\": [ { \"x\": " +
                                         std::string(std::size_t(depth), '[') +
                                         std::string(std::size_t(depth), ']') + " } ] } }");
    };
    // Depth counts every array and object: the document (1), "expect" (2), its "events" list (3)
    // and the pattern object (4) included.
    QTest::newRow("nested 129 deep")
        << nested(125) << "/expect/events/0/x" + QString("/0").repeated(124)
        << "nested deeper than 128 levels";
    QTest::newRow("nested 128 deep") << nested(124) << ""
                                     << "";
}

void TstScenarioIo::sizeLimits() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const LoadResult r = loadScenarioText(text.toStdString(), "l.json");
    if (path.isEmpty()) {
        QVERIFY2(r.ok(), r.error ? r.error->toString().c_str() : "");
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->jsonPath), path);
    QCOMPARE(QString::fromStdString(r.error->message), message);
    QVERIFY(r.error->line >= 1 && r.error->column >= 1);
}

// scenario-format.md "Errors" with ScenarioIO.h: a file that cannot be read has no position.
void TstScenarioIo::files() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();

    const std::string missing = base + "/missing.json";
    QCOMPARE(
        QString::fromStdString(loadScenarioFile(missing).error->toString()),
        QString::fromStdString(missing + ":0:0: /: cannot read file: No such file or directory"));
    QCOMPARE(QString::fromStdString(loadScenarioFile(base).error->toString()),
             QString::fromStdString(base + ":0:0: /: cannot read file: Is a directory"));

    // A sparse file: refused from its size, before a byte is read or parsed.
    const QString bigPath = dir.filePath("big.json");
    QFile big(bigPath);
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(qint64(limits::kMaxFileBytes) + 1));
    big.close();
    QElapsedTimer timer;
    timer.start();
    const LoadResult tooBig = loadScenarioFile(bigPath.toStdString());
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(QString::fromStdString(tooBig.error->toString()),
             bigPath + ":0:0: /: file is larger than 268435456 bytes (limits::kMaxFileBytes)");

    const QString good = dir.filePath("example.json");
    QFile f(good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kExample.data(), qint64(kExample.size()));
    f.close();
    const LoadResult loaded = loadScenarioFile(good.toStdString());
    QVERIFY(loaded.ok());
    QCOMPARE(difference(*loaded.scenario, mustLoad(kExample)), QString());

    const QString bad = dir.filePath("bad.json");
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    const std::string badText =
        withLine(12, R"(    { "sender": "sender", "receiver": "receiver", "vector": 64 })");
    b.write(badText.data(), qint64(badText.size()));
    b.close();
    QCOMPARE(QString::fromStdString(loadScenarioFile(bad.toStdString()).error->toString()),
             bad + ":12:61: /connections/0/vector: 64 is out of range 0..63");
}

void TstScenarioIo::positions_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line"); // 0: not found
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("keyColumn"); // 0: no key (the document, an array element)
    QTest::newRow("document") << "" << 1 << 1 << 0;
    QTest::newRow("~1 is '/'") << "/a~1b" << 2 << 10 << 3;
    QTest::newRow("~0 is '~'") << "/a~1b/m~0n" << 3 << 12 << 5;
    QTest::newRow("element 0") << "/a~1b/m~0n/0" << 3 << 13 << 0;
    QTest::newRow("element 1") << "/a~1b/m~0n/1" << 3 << 17 << 0;
    QTest::newRow("member") << "/a~1b/m~0n/1/x" << 3 << 24 << 19;
    QTest::newRow("after é: code points") << "/a~1b/m~0n/1/y" << 3 << 34 << 29;
    QTest::newRow("escaped key") << "/q\"t" << 5 << 15 << 3;
    QTest::newRow("empty key") << "/" << 6 << 7 << 3;
    QTest::newRow("no such key") << "/zz" << 0 << 0 << 0;
    QTest::newRow("past the end") << "/a~1b/m~0n/2" << 0 << 0 << 0;
    QTest::newRow("leading zero") << "/a~1b/m~0n/01" << 0 << 0 << 0;
    QTest::newRow("'-' is no element") << "/a~1b/m~0n/-" << 0 << 0 << 0;
    QTest::newRow("bad escape") << "/a~2b" << 0 << 0 << 0;
    QTest::newRow("into a number") << "/a~1b/m~0n/0/x" << 0 << 0 << 0;
    QTest::newRow("not a pointer") << "a~1b" << 0 << 0 << 0;
}

// JsonPositions.h: RFC 6901 pointers to 1-based lines and code-point columns.
void TstScenarioIo::positions() {
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, keyColumn);
    const std::string text = "{\n"
                             "  \"a/b\": {\n"
                             "    \"m~n\": [10, { \"x\": \"é\", \"y\": 2 }]\n"
                             "  },\n"
                             "  \"q\\u0022t\": true,\n"
                             "  \"\": 3\n"
                             "}\n";
    const JsonPositions positions(text);
    const auto found = positions.find(pointer.toStdString());
    if (line == 0) {
        QVERIFY(!found.has_value());
        return;
    }
    QVERIFY(found.has_value());
    QCOMPARE(found->value.line, line);
    QCOMPARE(found->value.column, column);
    QCOMPARE(found->key.has_value(), keyColumn != 0);
    if (found->key) {
        QCOMPARE(found->key->line, line);
        QCOMPARE(found->key->column, keyColumn);
    }
}

// JsonPositions::contextAt: for a syntax error, the innermost open container and the start of
// the token the parser stopped in.
void TstScenarioIo::contextAt() {
    const std::string text = R"({ "t": [ { "at": 1 }, { "id": "x" "at": 2 } ] })";
    const JsonPositions positions(text);
    const std::size_t at = text.find("\"at\": 2");
    const auto c = positions.contextAt(at + 3); // the closing quote of "at"
    QCOMPARE(QString::fromStdString(c.container), QStringLiteral("/t/1"));
    QCOMPARE(c.tokenStart, at);
    QCOMPARE(QString::fromStdString(positions.contextAt(text.find("1 }")).container),
             QStringLiteral("/t/0"));
    QCOMPARE(QString::fromStdString(positions.contextAt(0).container), QString());
    QCOMPARE(positions.positionOf(text.size() + 100).column, int(text.size()) + 1);
}

void TstScenarioIo::pointerTokens() {
    QCOMPARE(QString::fromStdString(escapePointerToken("a/b~c~1")), QStringLiteral("a~1b~0c~01"));
    QCOMPARE(QString::fromStdString(*unescapePointerToken("a~1b~0c~01")),
             QStringLiteral("a/b~c~1"));
    QVERIFY(!unescapePointerToken("a~").has_value());
    QVERIFY(!unescapePointerToken("~2").has_value());
}

// Every prefix of a valid file is invalid: each gives one error with a position inside the text,
// and neither the loader nor the scanner crashes or loops on what they were never meant to read.
void TstScenarioIo::truncatedTextNeverCrashes() {
    for (std::size_t n = 0; n < kEverything.size() - 2; ++n) {
        const std::string prefix = kEverything.substr(0, n);
        const LoadResult r = loadScenarioText(prefix, "p.json");
        QVERIFY2(!r.ok(), qPrintable(QString("prefix of %1 bytes loaded").arg(n)));
        QVERIFY(r.error->line >= 1 && r.error->column >= 1);
        const JsonPositions positions(prefix);
        positions.find("/timeline/3/op");
        positions.contextAt(n);
    }
    const JsonPositions garbage(R"(}}]]"\"\u12 ,,:: {[ "a" : tru )");
    QVERIFY(!garbage.find("/a").has_value());
    garbage.contextAt(1000);
}

// A 1,000,000-entry timeline loads (its time is printed, not asserted: timing belongs to the
// benchmark, and this machine is shared).
void TstScenarioIo::millionEntries() {
    std::string text = R"({ "format": "uintr-scenario/1", "machine": { "cpus": 2 },
  "tasks": [ { "name": "a" }, { "name": "b" } ], "timeline": [)";
    for (int i = 0; i < 1'000'000; ++i)
        text += "\n    { \"id\": \"e" + std::to_string(i) + "\", \"at\": " + std::to_string(i) +
                ", \"cpu\": " + std::to_string(i % 2) +
                ", \"run\": " + (i % 2 ? "\"b\"" : "\"a\"") + " },";
    text.back() = ']';
    text += " }";
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = loadScenarioText(text, "big.json");
    const qint64 ms = timer.elapsed();
    QVERIFY(r.ok());
    QCOMPARE(r.scenario->timeline.size(), std::size_t{1'000'000});
    qInfo("1,000,000 entries loaded in %lld ms", ms);
}

QTEST_APPLESS_MAIN(TstScenarioIo)
#include "tst_scenario_io.moc"
