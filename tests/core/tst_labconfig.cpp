#include "common/AtomicFile.h"
#include "local/ApacheProcess.h"
#include "local/LabConfig.h"
#include "local/LabSettings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using mpmlab::LabConfig;
using mpmlab::LabSettings;
using mpmlab::MpmKind;

class TestLabConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersOneMpmAndLoopbackListener_data();
    void rendersOneMpmAndLoopbackListener();
    void apacheAcceptsTheConfig_data();
    void apacheAcceptsTheConfig();
    void dropsPrivilegesOnlyWhenAsked();
    void settingsRoundTrip();
    void settingsDefaultsWhenMissing();
    void settingsRejectMalformedFile_data();
    void settingsRejectMalformedFile();
};

static LabConfig configFor(const QString &root, MpmKind mpm)
{
    LabConfig config;
    config.rootDir = root;
    config.modulesDir = u"/usr/lib/apache2/modules"_s;
    config.port = 23456;
    config.mpm = mpm;
    return config;
}

static void addMpmRows()
{
    QTest::addColumn<MpmKind>("mpm");
    for (MpmKind kind : mpmlab::allMpmKinds)
        QTest::newRow(qPrintable(mpmlab::mpmName(kind))) << kind;
}

void TestLabConfig::rendersOneMpmAndLoopbackListener_data() { addMpmRows(); }

void TestLabConfig::rendersOneMpmAndLoopbackListener()
{
    QFETCH(MpmKind, mpm);
    const QString text = QString::fromUtf8(configFor(u"/srv/lab"_s, mpm).render());
    QVERIFY(text.contains(u"\nListen 127.0.0.1:23456\n"_s));
    QCOMPARE(text.count(u"mod_mpm_"_s), 1);
    QVERIFY(text.contains(u"mod_mpm_%1.so"_s.arg(mpmlab::mpmName(mpm))));
    QVERIFY(text.contains(u"<IfModule mpm_%1_module>"_s.arg(mpmlab::mpmName(mpm))));
    QVERIFY(text.contains(u"PidFile \"/srv/lab/run/httpd.pid\""_s));
    QVERIFY(text.contains(u"SetHandler server-status"_s));
    QVERIFY(text.contains(u"Require local"_s));
    QVERIFY(!text.contains(u"\nUser "_s));
}

void TestLabConfig::apacheAcceptsTheConfig_data() { addMpmRows(); }

void TestLabConfig::apacheAcceptsTheConfig()
{
    QFETCH(MpmKind, mpm);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LabConfig config = configFor(dir.path(), mpm);
    for (const char *sub : {"conf", "htdocs", "logs", "run"})
        QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(sub)));
    QVERIFY(mpmlab::writeFileAtomically(config.configPath(), config.render()).ok());

    const mpmlab::ApacheProcess apache(u"/usr/sbin/apache2"_s, config.rootDir, config.configPath(),
                                       config.pidFilePath());
    const auto test = apache.configTest();
    QVERIFY2(test.ok(), qPrintable(test.ok() ? QString() : test.error().toString()));
    QVERIFY(test->combinedText().contains(u"Syntax OK"_s));
    // Our config sets ServerName: no AH00558 noise on every command.
    QVERIFY(!test->combinedText().contains(u"AH00558"_s));
}

void TestLabConfig::dropsPrivilegesOnlyWhenAsked()
{
    LabConfig config = configFor(u"/srv/lab"_s, MpmKind::Prefork);
    config.runAsUser = u"www-data"_s;
    config.runAsGroup = u"www-data"_s;
    const QString text = QString::fromUtf8(config.render());
    QVERIFY(text.contains(u"\nUser www-data\nGroup www-data\n"_s));
}

void TestLabConfig::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.json"_s);
    LabSettings saved{23001, MpmKind::Worker};
    QVERIFY(saved.save(path).ok());
    auto loaded = LabSettings::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->port, 23001);
    QCOMPARE(loaded->mpm, MpmKind::Worker);
    QVERIFY(!loaded->memoryLimitKib);

    saved.memoryLimitKib = 500000;
    QVERIFY(saved.save(path).ok());
    loaded = LabSettings::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->memoryLimitKib, std::optional<qint64>(500000));
}

void TestLabConfig::settingsDefaultsWhenMissing()
{
    QTemporaryDir dir;
    const auto loaded = LabSettings::load(dir.filePath(u"absent.json"_s));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->port, LabSettings::defaultPort);
    QCOMPARE(loaded->mpm, MpmKind::Event);
}

void TestLabConfig::settingsRejectMalformedFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("not-json") << QByteArray("port=80");
    QTest::newRow("bad-port") << QByteArray(R"({"port": 70000, "mpm": "event"})");
    QTest::newRow("bad-mpm") << QByteArray(R"({"port": 18080, "mpm": "turbo"})");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("bad-memory-limit")
        << QByteArray(R"({"port": 18080, "mpm": "event", "memoryLimitKib": "lots"})");
}

void TestLabConfig::settingsRejectMalformedFile()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.json"_s);
    QVERIFY(mpmlab::writeFileAtomically(path, contents).ok());
    const auto loaded = LabSettings::load(path);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().message.contains(path));
    // The file is left as it was: nothing lost.
    QCOMPARE(*mpmlab::readWholeFile(path), contents);
}

QTEST_GUILESS_MAIN(TestLabConfig)
#include "tst_labconfig.moc"
