#include "common/JsonFields.h"
#include "scenario/ExpectationCheck.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// The machine-checkable form of an expectation: each relation on values
// that make it hold, fail, tie, or miss a figure.
class TestExpectationCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void involvesOnlyWhatItReads();
};

namespace {

using Values = QMap<MpmKind, std::optional<double>>;

Values values(std::optional<double> prefork, std::optional<double> worker,
              std::optional<double> event)
{
    return {{MpmKind::Prefork, prefork}, {MpmKind::Worker, worker}, {MpmKind::Event, event}};
}

ExpectationCheck parse(const QByteArray &json)
{
    const Result<ExpectationCheck> check =
        ExpectationCheck::fromJson(JsonFields(QJsonDocument::fromJson(json).object(), u"c"_s));
    if (!check)
        qFatal("%s", qPrintable(check.error().message));
    return *check;
}

} // namespace

Q_DECLARE_METATYPE(Values)

void TestExpectationCheck::evaluate_data()
{
    QTest::addColumn<QByteArray>("check");
    QTest::addColumn<Values>("given");
    QTest::addColumn<int>("expected"); // 1 held, 0 did not, -1 undecided

    const QByteArray highest =
        R"({"id": "h", "expected": "x", "metric": "p99Ms", "mpm": "prefork", "is": "highest"})";
    QTest::newRow("highest holds") << highest << values(30, 10, 5) << 1;
    QTest::newRow("highest fails") << highest << values(10, 30, 5) << 0;
    QTest::newRow("a tie is no highest") << highest << values(0, 0, 0) << 0;
    QTest::newRow("highest with a figure missing") << highest << values(30, std::nullopt, 5) << -1;
    QTest::newRow("highest, subject missing") << highest << values(std::nullopt, 3, 5) << -1;

    const QByteArray farAhead = R"({"id": "f", "expected": "x", "metric": "requestsPerSecond",
        "mpm": "event", "is": "highest", "by": 1.25})";
    QTest::newRow("far ahead") << farAhead << values(1000, 1000, 1300) << 1;
    QTest::newRow("ahead, not far") << farAhead << values(1000, 1000, 1200) << 0;

    const QByteArray lowest = R"({"id": "l", "expected": "x", "metric": "requestsPerSecond",
        "mpm": "prefork", "is": "lowest"})";
    QTest::newRow("lowest holds") << lowest << values(100, 200, 300) << 1;
    QTest::newRow("lowest fails") << lowest << values(250, 200, 300) << 0;

    const QByteArray above = R"({"id": "a", "expected": "x", "metric": "failureRatio",
        "mpm": "prefork", "is": "above", "value": 0.01})";
    QTest::newRow("above holds") << above << values(0.2, std::nullopt, std::nullopt) << 1;
    QTest::newRow("above fails at the bound") << above << values(0.01, 0, 0) << 0;

    const QByteArray below = R"({"id": "b", "expected": "x", "metric": "p99Ms",
        "mpm": "event", "is": "below", "value": 100})";
    QTest::newRow("below holds") << below << values(9000, 9000, 3) << 1;
    QTest::newRow("below fails") << below << values(1, 1, 150) << 0;

    const QByteArray atLeast = R"({"id": "s", "expected": "x", "metric": "longestWaitMs",
        "mpm": "worker", "is": "atLeast", "times": 10, "than": "event"})";
    QTest::newRow("at least 10x") << atLeast << values(std::nullopt, 5000, 4) << 1;
    QTest::newRow("less than 10x") << atLeast << values(std::nullopt, 30, 4) << 0;
    QTest::newRow("zero is not ten times zero") << atLeast << values(0, 0, 0) << 0;
    QTest::newRow("at least, other missing") << atLeast << values(1, 5000, std::nullopt) << -1;
}

void TestExpectationCheck::evaluate()
{
    QFETCH(QByteArray, check);
    QFETCH(Values, given);
    QFETCH(int, expected);
    const std::optional<bool> held = parse(check).evaluate(given);
    QCOMPARE(held ? int(*held) : -1, expected);
}

void TestExpectationCheck::involvesOnlyWhatItReads()
{
    const QList<MpmKind> all{MpmKind::Prefork, MpmKind::Worker, MpmKind::Event};
    const ExpectationCheck atLeast = parse(R"({"id": "s", "expected": "x", "metric": "p99Ms",
        "mpm": "worker", "is": "atLeast", "times": 10, "than": "event"})");
    QCOMPARE(atLeast.involves(all), (QList<MpmKind>{MpmKind::Worker, MpmKind::Event}));
    const ExpectationCheck highest = parse(
        R"({"id": "h", "expected": "x", "metric": "p99Ms", "mpm": "prefork", "is": "highest"})");
    QCOMPARE(highest.involves(all), all);
    QVERIFY(highest.rule().fr.contains(u"le plus élevé"_s));
    // Written back as read.
    QCOMPARE(parse(QJsonDocument(atLeast.toJson()).toJson()).toJson(), atLeast.toJson());
}

QTEST_GUILESS_MAIN(TestExpectationCheck)
#include "tst_expectationcheck.moc"
