// Regression tests for what issue 13's fuzzing campaign found the loader accepting or reporting
// badly (scenario-format.md "Errors": one line, FILE:LINE:COLUMN: JSON-PATH: message, the
// position of the offending byte, value or key; docs/limits.md). Expected lines and columns are
// counted in the row's text by hand, never copied from the loader's output.
#include "scenario/Limits.h"
#include "scenario/ScenarioIO.h"

#include <QObject>
#include <QTest>
#include <string>

using namespace uintr::scenario;

class TstLoaderFindings : public QObject {
    Q_OBJECT

  private slots:
    void refused_data();
    void refused();
    void minusZeroIsZero();
    void stringsBoundedWhileParsing();
    void valueCount();
};

namespace {

// Line 8 holds the op; the expect block is line 10.
const std::string kBase = "{\n"                                                                 // 1
                          "  \"format\": \"uintr-scenario/1\", \"machine\": { \"cpus\": 2 },\n" // 2
                          "  \"tasks\": [ { \"name\": \"r\", \"receiver\": true }, "
                          "{ \"name\": \"s\" } ],\n" // 3
                          "  \"connections\": [ { \"sender\": \"s\", \"receiver\": \"r\", "
                          "\"vector\": 3 } ],\n"                                            // 4
                          "  \"timeline\": [\n"                                             // 5
                          "    { \"id\": \"a\", \"at\": 0, \"cpu\": 0, \"run\": \"r\" },\n" // 6
                          "    { \"id\": \"b\", \"at\": 0, \"cpu\": 1, \"run\": \"s\" },\n" // 7
                          "    { \"id\": \"send\", \"at\": 5, \"task\": \"s\", \"op\": "
                          "\"senduipi\", \"uitt_index\": 0 }\n"  // 8
                          "  ],\n"                               // 9
                          "  \"expect\": { \"ipis_sent\": 1 }\n" // 10
                          "}\n";                                 // 11

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) return {};
    return text.replace(at, from.size(), to);
}

} // namespace

void TstLoaderFindings::refused_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const std::string& text, int line, int column,
                        const char* path, const char* message) {
        QTest::newRow(name) << QByteArray::fromStdString(text) << line << column << path << message;
    };
    // nlohmann reads a NUL between tokens as the end of the input.
    row("NUL and garbage after the document", kBase + std::string("\0garbage", 8), 12, 1, "/",
        "syntax error: NUL byte after the end of the document");
    row("NUL inside the document",
        replaced(kBase, "  \"expect\"", std::string("\0 \"expect\"", 10)), 10, 1, "/",
        "syntax error: NUL byte in the text");
    row("text after the document", kBase + "x", 12, 1, "/",
        "syntax error: invalid literal; expected end of input");
    // RFC 6901: '~' is "~0", '/' is "~1"; reported at the key, line 10 column 15.
    row("expect key with / and ~", replaced(kBase, "{ \"ipis_sent\": 1 }", "{ \"a/b~c\": 1 }"), 10,
        15, "/expect/a~1b~0c", "unknown key 'a/b~c' (expected one of: user_interrupts, ...");
    // No double holds 1e999: a clean message at the number (line 4, column 64), no
    // "[json.exception...]".
    row("1e999", replaced(kBase, "\"vector\": 3", "\"vector\": 1e999"), 4, 64, "/connections/0",
        "number 1e999 is out of range (not a finite 64-bit float)");
    row("-1e999", replaced(kBase, "\"at\": 5", "\"at\": -1e999"), 8, 27, "/timeline/2",
        "number -1e999 is out of range (not a finite 64-bit float)");
    row("uitt_index -1", replaced(kBase, "\"uitt_index\": 0", "\"uitt_index\": -1"), 8, 75,
        "/timeline/2/uitt_index", "-1 is out of range 0..18446744073709551615");
}

void TstLoaderFindings::refused() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QVERIFY2(!text.isEmpty(), "the row's replacement did not apply");
    const LoadResult r = loadScenarioText(text.toStdString(), "f.json");
    QVERIFY(!r.ok());
    const std::string oneLine = r.error->toString();
    QVERIFY2(oneLine.find('\n') == std::string::npos, oneLine.c_str());
    QVERIFY2(oneLine.find("json.exception") == std::string::npos, oneLine.c_str());
    // A message ending in "..." is a prefix (the list of expect keys grows with the format).
    const QString actual = QString::fromStdString(r.error->message);
    if (message.endsWith("..."))
        QVERIFY2(actual.startsWith(message.chopped(3)), qPrintable(actual));
    else
        QCOMPARE(actual, message);
    QCOMPARE(QString::fromStdString(r.error->jsonPath), path);
    QCOMPARE(r.error->line, line);
    QCOMPARE(r.error->column, column);
}

// JSON's -0 is the number zero: "uitt_index": -0 is index 0 (it used to read "0 is out of
// range 0..18446744073709551615"), as "-0" already was for every other integer key.
void TstLoaderFindings::minusZeroIsZero() {
    const LoadResult op =
        loadScenarioText(replaced(kBase, "\"uitt_index\": 0", "\"uitt_index\": -0"), "z.json");
    QVERIFY2(op.ok(), op.error ? op.error->toString().c_str() : "");
    QCOMPARE(op.scenario->timeline[2].uittIndex, 0u);
    const LoadResult connection = loadScenarioText(
        replaced(kBase, "\"vector\": 3", "\"vector\": 3, \"uitt_index\": -0"), "z.json");
    QVERIFY2(connection.ok(), connection.error ? connection.error->toString().c_str() : "");
    QCOMPARE(connection.scenario->connections[0].uittIndex, 0);
}

// limits::kMaxTextBytes holds for every string and key, wherever it is, and is checked while
// parsing: a long key in "expect" (which the checks after parsing keep as written) is refused
// at its own place.
void TstLoaderFindings::stringsBoundedWhileParsing() {
    const std::string key(limits::kMaxTextBytes + 1, 'k');
    const LoadResult r = loadScenarioText(
        replaced(kBase, "{ \"ipis_sent\": 1 }", "{ \"events\": [ { \"" + key + "\": 1 } ] }"),
        "s.json");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error->jsonPath),
             "/expect/events/0/" + QString::fromStdString(key));
    QCOMPARE(QString::fromStdString(r.error->message),
             QStringLiteral("text of 16385 bytes is longer than 16384 (limits::kMaxTextBytes)"));
    QCOMPARE(r.error->line, 10);
    QCOMPARE(r.error->column, 29); // the key's opening quote
    const std::string atLimit(limits::kMaxTextBytes, 'k');
    const LoadResult ok =
        loadScenarioText(replaced(kBase, "{ \"ipis_sent\": 1 }",
                                  "{ \"events\": [ { \"kind\": \"senduipi\", \"x" +
                                      atLimit.substr(1) + "\": 1 } ] }"),
                         "s.json");
    // At the limit the key passes the parser; the expect checks then judge the pattern.
    QVERIFY(ok.ok() || ok.error->message.find("kMaxTextBytes") == std::string::npos);
}

// limits::kMaxJsonValues: counted while parsing, so a file of millions of tiny values is refused
// before a document of them is built.
void TstLoaderFindings::valueCount() {
    std::string many;
    many.reserve(std::size_t(limits::kMaxJsonValues) * 2 + 16);
    for (std::int64_t i = 0; i < limits::kMaxJsonValues; ++i)
        many += "0,";
    many.pop_back();
    // The document, "expect", "events" and its array: the zeros push the count past the limit.
    const LoadResult r = loadScenarioText(
        replaced(kBase, "{ \"ipis_sent\": 1 }", "{ \"events\": [ " + many + " ] }"), "v.json");
    QVERIFY(!r.ok());
    QCOMPARE(
        QString::fromStdString(r.error->message),
        QString("more than %1 JSON values (limits::kMaxJsonValues)").arg(limits::kMaxJsonValues));
    QVERIFY(QString::fromStdString(r.error->jsonPath).startsWith("/expect/events/"));
    QVERIFY(r.error->line == 10 && r.error->column > 1);
}

QTEST_APPLESS_MAIN(TstLoaderFindings)
#include "tst_loader_findings.moc"
