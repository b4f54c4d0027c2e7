#include "apache/ApacheLayout.h"
#include "apache/ConfigReading.h"
#include "apache/DirectiveSet.h"
#include "apache/ManagedOverride.h"
#include "common/ProcessRunner.h"
#include "ssh/RestoreJournal.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// The text side of the SSH driver, without a server: directive validation
// and consistency, the managed override file, reading effective values from
// Debian's stock files, the RHEL MPM edit, the envvars memory limit, the
// detection output parser and the journal format.
class TestApacheConfigModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validatesAndCanonicalises_data();
    void validatesAndCanonicalises();
    void findsInconsistencies();
    void picksApacheWarnings();
    void overrideRoundTrips();
    void readsEffectiveValuesLikeApache();
    void switchesRhelMpm();
    void addsAndRemovesMemoryLimit();
    void parsesDebianDetection();
    void parsesRhelDetection();
    void runsTheRhelDetectionScript();
    void placesTheRhelMemoryLimit();
    void writesTheSystemdDropIn();
    void refusesNoApache();
    void journalRoundTrips();
    void overrideKeepsTheStatusPage();
    void findsVirtualHostSettings();
    void readingsNameTheirSource();
    void readingsSayWhatApacheUses();
    void overrideCanSetEveryMpm();
};

void TestApacheConfigModel::validatesAndCanonicalises_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonicalName");
    QTest::addColumn<QString>("canonicalValue");
    QTest::newRow("on") << u"keepalive"_s << u"ON"_s << true << u"KeepAlive"_s << u"On"_s;
    QTest::newRow("off") << u"KeepAlive"_s << u"off"_s << true << u"KeepAlive"_s << u"Off"_s;
    QTest::newRow("maybe") << u"KeepAlive"_s << u"maybe"_s << false << QString() << QString();
    QTest::newRow("leading zeros")
        << u"maxrequestworkers"_s << u"0150"_s << true << u"MaxRequestWorkers"_s << u"150"_s;
    QTest::newRow("zero workers") << u"MaxRequestWorkers"_s << u"0"_s << false << QString()
                                  << QString();
    QTest::newRow("unlimited") << u"MaxConnectionsPerChild"_s << u"0"_s << true
                               << u"MaxConnectionsPerChild"_s << u"0"_s;
    QTest::newRow("too big") << u"MaxConnectionsPerChild"_s << u"99999999"_s << false << QString()
                             << QString();
    QTest::newRow("negative") << u"Timeout"_s << u"-1"_s << false << QString() << QString();
    QTest::newRow("letters") << u"Timeout"_s << u"abc"_s << false << QString() << QString();
    QTest::newRow("space") << u"Timeout"_s << u"1 0"_s << false << QString() << QString();
    QTest::newRow("semicolon") << u"Timeout"_s << u"10;id"_s << false << QString() << QString();
    QTest::newRow("quote") << u"Timeout"_s << u"10'"_s << false << QString() << QString();
    QTest::newRow("factor") << u"AsyncRequestWorkerFactor"_s << u"2.50"_s << true
                            << u"AsyncRequestWorkerFactor"_s << u"2.5"_s;
    QTest::newRow("factor zero") << u"AsyncRequestWorkerFactor"_s << u"0"_s << false << QString()
                                 << QString();
    QTest::newRow("stack") << u"ThreadStackSize"_s << u"1048576"_s << true << u"ThreadStackSize"_s
                           << u"1048576"_s;
    QTest::newRow("tiny stack") << u"ThreadStackSize"_s << u"1024"_s << false << QString()
                                << QString();
    QTest::newRow("unknown") << u"Include"_s << u"/etc/passwd"_s << false << QString() << QString();
}

void TestApacheConfigModel::validatesAndCanonicalises()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QString canonical;
    const Result<QString> checked = DirectiveSet::validate(name, value, &canonical);
    QCOMPARE(checked.ok(), valid);
    if (!valid) {
        QCOMPARE(checked.error().kind, Error::Kind::InvalidInput);
        return;
    }
    QTEST(*checked, "canonicalName");
    QTEST(canonical, "canonicalValue");
}

void TestApacheConfigModel::findsInconsistencies()
{
    DirectiveSet worker;
    worker.set(u"ThreadLimit"_s, u"20"_s);
    worker.set(u"ThreadsPerChild"_s, u"30"_s);
    worker.set(u"ServerLimit"_s, u"2"_s);
    worker.set(u"MaxRequestWorkers"_s, u"90"_s);
    const QString found = worker.inconsistencies(MpmKind::Worker).join(u'\n');
    QVERIFY2(found.contains(u"ThreadsPerChild 30 exceeds ThreadLimit 20"_s), qPrintable(found));
    QVERIFY2(found.contains(u"not a multiple of ThreadsPerChild 20"_s), qPrintable(found));
    QVERIFY2(found.contains(u"2 x 20 = 40"_s), qPrintable(found));

    DirectiveSet prefork;
    prefork.set(u"MaxRequestWorkers"_s, u"300"_s); // compiled ServerLimit: 256
    QVERIFY(prefork.inconsistencies(MpmKind::Prefork).join(u' ').contains(u"AH00180"_s));
    prefork.set(u"ServerLimit"_s, u"300"_s);
    QVERIFY(prefork.inconsistencies(MpmKind::Prefork).isEmpty());

    // Debian's stock worker values are consistent.
    DirectiveSet stock;
    stock.set(u"ThreadLimit"_s, u"64"_s);
    stock.set(u"ThreadsPerChild"_s, u"25"_s);
    stock.set(u"MaxRequestWorkers"_s, u"150"_s);
    stock.set(u"MinSpareThreads"_s, u"25"_s);
    stock.set(u"MaxSpareThreads"_s, u"75"_s);
    QVERIFY2(stock.inconsistencies(MpmKind::Event).isEmpty(),
             qPrintable(stock.inconsistencies(MpmKind::Event).join(u'\n')));
}

void TestApacheConfigModel::picksApacheWarnings()
{
    const QString output =
        u"AH00558: apache2: Could not reliably determine the server's fully qualified domain name\n"
        "AH00316: WARNING: MaxRequestWorkers of 90 is not an integer multiple of\n"
        " ThreadsPerChild of 20, decreasing to nearest multiple 80,\n"
        "Syntax OK\n"_s;
    const QStringList warnings = DirectiveSet::apacheWarnings(output);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().startsWith(u"AH00316"_s));
}

void TestApacheConfigModel::overrideRoundTrips()
{
    ManagedOverride override;
    DirectiveSet changes;
    changes.set(u"KeepAlive"_s, u"Off"_s);
    changes.set(u"MaxRequestWorkers"_s, u"64"_s);
    override.apply(changes, MpmKind::Worker);
    DirectiveSet prefork;
    prefork.set(u"MaxRequestWorkers"_s, u"32"_s);
    override.apply(prefork, MpmKind::Prefork);

    const QByteArray text = override.render();
    QVERIFY(text.contains("KeepAlive Off\n"));
    QVERIFY(text.contains("<IfModule mpm_worker_module>\n    MaxRequestWorkers 64\n</IfModule>"));
    const ManagedOverride back = ManagedOverride::parse(text);
    QCOMPARE(back.render(), text);
    QCOMPARE(back.perMpm.value(MpmKind::Prefork).value(u"MaxRequestWorkers"_s), u"32"_s);
    QVERIFY(ManagedOverride::parse({}).isEmpty());
}

void TestApacheConfigModel::readsEffectiveValuesLikeApache()
{
    const QByteArray main = "Timeout 300\nKeepAlive On\nMaxKeepAliveRequests 100\n"
                            "<VirtualHost *:80>\n  KeepAlive Off\n</VirtualHost>\n";
    const QByteArray mpmEvent =
        "# comment\n<IfModule mpm_event_module>\n\tStartServers\t\t\t 2\n"
        "\tMaxRequestWorkers\t  150\n</IfModule>\n"
        "<IfModule mpm_prefork_module>\n MaxRequestWorkers 5\n</IfModule>\n";
    const QByteArray override =
        "Timeout 30\n<IfModule mpm_event_module>\n    MaxRequestWorkers 200\n"
        "</IfModule>\n";
    const DirectiveSet event = effectiveDirectives({main, mpmEvent, override}, MpmKind::Event);
    QCOMPARE(event.value(u"Timeout"_s), u"30"_s);
    QCOMPARE(event.value(u"KeepAlive"_s), u"On"_s); // the VirtualHost value is not global
    QCOMPARE(event.value(u"StartServers"_s), u"2"_s);
    QCOMPARE(event.value(u"MaxRequestWorkers"_s), u"200"_s);
    QVERIFY(!event.value(u"ServerLimit"_s));
    const DirectiveSet prefork = effectiveDirectives({main, mpmEvent}, MpmKind::Prefork);
    QCOMPARE(prefork.value(u"MaxRequestWorkers"_s), u"5"_s);
}

void TestApacheConfigModel::switchesRhelMpm()
{
    const QByteArray stock = "# Select the MPM module\n"
                             "LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
                             "#LoadModule mpm_worker_module modules/mod_mpm_worker.so\n"
                             "#LoadModule mpm_event_module modules/mod_mpm_event.so\n";
    const QByteArray event = withRhelMpm(stock, MpmKind::Event);
    QCOMPARE(event, QByteArray("# Select the MPM module\n"
                               "#LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
                               "#LoadModule mpm_worker_module modules/mod_mpm_worker.so\n"
                               "LoadModule mpm_event_module modules/mod_mpm_event.so\n"));
    QCOMPARE(withRhelMpm(event, MpmKind::Prefork), stock);
}

void TestApacheConfigModel::addsAndRemovesMemoryLimit()
{
    const QByteArray envvars = "export LANG=C\nexport LANG\n";
    const QByteArray limited = withMemoryLimit(envvars, 500000);
    QVERIFY(limited.startsWith(envvars));
    QVERIFY(limited.contains("\nulimit -v 500000\n"));
    const QByteArray changed = withMemoryLimit(limited, 600000);
    QVERIFY(!changed.contains("500000"));
    QCOMPARE(changed.count("ulimit"), 1);
    QCOMPARE(withMemoryLimit(changed, std::nullopt), envvars);
}

void TestApacheConfigModel::parsesDebianDetection()
{
    const QString output = u"os=Debian GNU/Linux 12 (bookworm)\n"
                           "family=debian\nconfdir=/etc/apache2-lab1\n"
                           "pidfile=/var/run/apache2-lab1/apache2.pid\n"
                           "errorlog=/var/log/apache2-lab1/error.log\n"
                           "mpm=mpm_prefork\nphp=php8.2\n"
                           "version=Apache/2.4.71 (Debian)\n"
                           "module=core_module\nmodule=mpm_prefork_module\nmodule=status_module\n"
                           "listen=127.0.0.1:28080\nlistenif=ssl_module 443\n"
                           "listenif=mod_gnutls.c 443\ndocroot=/var/www/lab1\n"_s;
    const Result<ApacheLayout> layout = ApacheLayout::parse(output, u"ssh://root@vm:22"_s);
    QVERIFY(layout.ok());
    QCOMPARE(layout->family, ApacheLayout::Family::Debian);
    QCOMPARE(layout->instance, u"lab1"_s);
    QCOMPARE(layout->configuredMpm, MpmKind::Prefork);
    QCOMPARE(layout->phpModules, QStringList{u"php8.2"_s});
    QCOMPARE(layout->listenPorts, QList<quint16>{28080}); // ssl not loaded: no 443
    QCOMPARE(layout->statusPort(), quint16(28080));
    QCOMPARE(layout->overridePath(), u"/etc/apache2-lab1/conf-enabled/zz-mpmlab.conf"_s);
    QVERIFY(layout->environmentPrefix().contains(u"APACHE_CONFDIR='/etc/apache2-lab1'"_s));
    QVERIFY(!layout->systemd);
    QCOMPARE(layout->toJson().value(u"configuredMpm"_s).toString(), u"prefork"_s);
}

void TestApacheConfigModel::parsesRhelDetection()
{
    const QString output = u"systemd=1\nfamily=rhel\nconfdir=/etc/httpd\nmpm=mpm_event\n"
                           "module=mpm_event_module\nmodule=ssl_module\nlisten=80\n"
                           "listenif=ssl_module 443\ndocroot=/var/www/html\n"_s;
    const Result<ApacheLayout> layout = ApacheLayout::parse(output, u"ssh://root@vm:22"_s);
    QVERIFY(layout.ok());
    QCOMPARE(layout->family, ApacheLayout::Family::Rhel);
    QVERIFY(layout->systemd);
    QCOMPARE(layout->configuredMpm, MpmKind::Event);
    QCOMPARE(layout->listenPorts, (QList<quint16>{80, 443}));
    QCOMPARE(layout->overridePath(), u"/etc/httpd/conf.d/zz-mpmlab.conf"_s);
    QCOMPARE(layout->mpmConfigPath(MpmKind::Worker), u"/etc/httpd/conf.modules.d/00-mpm.conf"_s);
    QVERIFY(layout->environmentPrefix().isEmpty());
    QVERIFY(!layout->memoryLimitKib);

    const Result<ApacheLayout> limited =
        ApacheLayout::parse(u"family=rhel\nconfdir=/etc/httpd\npidfile=/run/httpd/httpd.pid\n"
                            "errorlog=/var/log/httpd/error_log\nmemlimit=500000\n"_s,
                            u"ssh://root@vm:22"_s);
    QVERIFY(limited.ok());
    QCOMPARE(limited->memoryLimitKib, std::optional<qint64>(500000));
    QCOMPARE(limited->pidFile, u"/run/httpd/httpd.pid"_s);
    QCOMPARE(limited->errorLog, u"/var/log/httpd/error_log"_s);
    QCOMPARE(limited->toJson().value(u"memoryLimitKib"_s).toInteger(), 500000);
}

void TestApacheConfigModel::runsTheRhelDetectionScript()
{
    // The script itself, by sh, on a RHEL-shaped tree in a temporary
    // directory: what httpd.conf leaves to httpd's compiled defaults
    // (run/httpd.pid under the ServerRoot, through its link), a piped
    // ErrorLog, mod_php only under prefork or always, Listen in conf.d.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString conf = dir.filePath(u"httpd"_s);
    const auto write = [&](const QString &path, const QByteArray &text) {
        QDir().mkpath(QFileInfo(conf + path).absolutePath());
        QFile file(conf + path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    };
    QVERIFY(write(u"/conf/httpd.conf"_s, "ServerRoot \"/etc/httpd\"\nListen 8080\n"
                                         "ErrorLog \"|/usr/bin/logger -t httpd\"\n"
                                         "DocumentRoot \"/srv/www\"\n"
                                         "<VirtualHost *:8080>\n  PidFile /wrong\n"
                                         "</VirtualHost>\n"));
    QVERIFY(write(u"/conf.modules.d/00-mpm.conf"_s,
                  "#LoadModule mpm_prefork_module modules/mod_mpm_prefork.so\n"
                  "LoadModule mpm_worker_module modules/mod_mpm_worker.so\n"));
    QVERIFY(write(u"/conf.modules.d/15-php.conf"_s, "<IfModule prefork.c>\n"
                                                    "  LoadModule php_module modules/libphp.so\n"
                                                    "</IfModule>\n"));
    QVERIFY(
        write(u"/conf.modules.d/16-php7.conf"_s, "LoadModule php7_module modules/libphp7.so\n"));
    QVERIFY(write(u"/conf.d/ssl.conf"_s, "Listen 443 https\n"));
    QVERIFY(write(u"/conf.d/zz-mpmlab.memory-limit"_s, rhelMemoryLimitFile(300000)));
    QVERIFY(QDir().mkpath(dir.filePath(u"run-httpd"_s)));
    QVERIFY(QFile::link(dir.filePath(u"run-httpd"_s), conf + u"/run"_s));

    const Result<ProcessOutput> output = ProcessRunner::run(
        u"/bin/sh"_s, {u"-c"_s, ApacheLayout::detectionScript(conf)}, std::chrono::seconds(30));
    QVERIFY(output.ok());
    const Result<ApacheLayout> layout =
        ApacheLayout::parse(QString::fromUtf8(output->standardOutput), u"test"_s);
    QVERIFY2(layout.ok(), output->standardOutput.constData());
    QCOMPARE(layout->family, ApacheLayout::Family::Rhel);
    QCOMPARE(layout->pidFile, dir.filePath(u"run-httpd/httpd.pid"_s));
    QVERIFY(layout->errorLog.isEmpty()); // piped: nothing to read
    QCOMPARE(layout->configuredMpm, std::optional<MpmKind>(MpmKind::Worker));
    QCOMPARE(layout->phpModules, QStringList{u"php7"_s});
    QCOMPARE(layout->listenPorts, (QList<quint16>{8080, 443}));
    QCOMPARE(layout->documentRoot, u"/srv/www"_s);
    if (!layout->systemd) // this machine's /run/systemd decides where the limit is read
        QCOMPARE(layout->memoryLimitKib, std::optional<qint64>(300000));
}

void TestApacheConfigModel::placesTheRhelMemoryLimit()
{
    ApacheLayout layout;
    layout.family = ApacheLayout::Family::Rhel;
    layout.configDir = u"/etc/httpd"_s;
    // Without systemd: a file in the tree, read by the start command.
    QCOMPARE(layout.memoryLimitPath(), u"/etc/httpd/conf.d/zz-mpmlab.memory-limit"_s);
    const QString prefix = layout.memoryLimitStartPrefix();
    QVERIFY(prefix.contains(u"'/etc/httpd/conf.d/zz-mpmlab.memory-limit'"_s));
    QVERIFY(prefix.contains(u"ulimit -v \"$L\""_s));
    const QByteArray file = rhelMemoryLimitFile(500000);
    QVERIFY(file.endsWith("\n500000\n"));
    QCOMPARE(file.count('\n'), 3); // two comment lines, the number
    // With systemd: the unit's drop-in, and no prefix.
    layout.systemd = true;
    QCOMPARE(layout.memoryLimitPath(), u"/etc/systemd/system/httpd.service.d/zz-mpmlab.conf"_s);
    QVERIFY(layout.memoryLimitStartPrefix().isEmpty());
    // Debian: envvars.
    layout.family = ApacheLayout::Family::Debian;
    layout.configDir = u"/etc/apache2"_s;
    QCOMPARE(layout.memoryLimitPath(), u"/etc/apache2/envvars"_s);
    QVERIFY(layout.memoryLimitStartPrefix().isEmpty());
}

void TestApacheConfigModel::writesTheSystemdDropIn()
{
    // Never run here (no systemd as PID 1): the text and the commands only.
    const QByteArray dropIn = systemdMemoryLimitDropIn(500000);
    QVERIFY(dropIn.contains("\n[Service]\nLimitAS=500000K\n"));
    QVERIFY(dropIn.endsWith('\n'));
    const QString path = u"/etc/systemd/system/httpd.service.d/zz-mpmlab.conf"_s;
    const QString install = systemdDropInScript(path, false);
    QVERIFY(install.contains(u"mkdir -p '/etc/systemd/system/httpd.service.d'"_s));
    QVERIFY(install.contains(u"cat > '%1'.mpmlab-new; mv -f '%1'.mpmlab-new '%1'"_s.arg(path)));
    QVERIFY(install.endsWith(u"systemctl daemon-reload"_s));
    const QString remove = systemdDropInScript(path, true);
    QVERIFY(remove.contains(u"rm -f '%1'"_s.arg(path)));
    QVERIFY(!remove.contains(u"cat >"_s));
    QVERIFY(remove.endsWith(u"systemctl daemon-reload"_s));
}

void TestApacheConfigModel::refusesNoApache()
{
    const Result<ApacheLayout> layout = ApacheLayout::parse(u"os=Alpine\n"_s, u"ssh://a@b:22"_s);
    QVERIFY(!layout.ok());
    QCOMPARE(layout.error().kind, Error::Kind::NotInstalled);
}

void TestApacheConfigModel::journalRoundTrips()
{
    RestoreJournal journal;
    journal.target = u"ssh://root@127.0.0.1:2222"_s;
    journal.configDir = u"/etc/apache2-lab"_s;
    journal.originalArchive = RestoreJournal::serverDirFor(journal.configDir) + u"/original.tar"_s;
    journal.wasRunning = true;
    journal.originalMpm = MpmKind::Event;
    journal.createdFiles = {u"/var/www/html/test.html"_s};
    const Result<RestoreJournal> back = RestoreJournal::fromJson(journal.toJson(), u"test"_s);
    QVERIFY(back.ok());
    QCOMPARE(back->originalArchive, u"/var/lib/mpmlab/restore/etc-apache2-lab/original.tar"_s);
    QCOMPARE(back->originalMpm, MpmKind::Event);
    QVERIFY(back->wasRunning);
    QCOMPARE(back->createdFiles, journal.createdFiles);
    QVERIFY(!RestoreJournal::fromJson("{\"version\": 99}", u"test"_s).ok());
    QVERIFY(!RestoreJournal::clientPathFor(u"/j"_s, journal.target, journal.configDir)
                 .mid(3)
                 .contains(u'/'));
}

void TestApacheConfigModel::overrideKeepsTheStatusPage()
{
    ManagedOverride override;
    override.apply(DirectiveSet::fromAssignments({u"KeepAliveTimeout=9"_s}, MpmKind::Event).value(),
                   MpmKind::Event);
    override.statusPage = true;
    override.statusModuleFile = u"/usr/lib/apache2/modules/mod_status.so"_s;
    const QByteArray text = override.render();
    QVERIFY(text.contains("<Location \"/server-status\">"));
    QVERIFY(text.contains("Require local"));
    QVERIFY(text.contains("LoadModule status_module /usr/lib/apache2/modules/mod_status.so"));

    const ManagedOverride again = ManagedOverride::parse(text);
    QVERIFY(again.statusPage);
    QCOMPARE(again.statusModuleFile, override.statusModuleFile);
    QCOMPARE(again.global.value(u"KeepAliveTimeout"_s), std::optional(u"9"_s));
    QCOMPARE(again.render(), text);
    // The page's lines are not directives MPM Lab reads back.
    QCOMPARE(effectiveDirectives({text}, MpmKind::Event).values().size(), 1);

    ManagedOverride pageOnly;
    QVERIFY(pageOnly.isEmpty());
    pageOnly.statusPage = true;
    QVERIFY(!pageOnly.isEmpty());

    RestoreJournal journal;
    journal.configDir = u"/etc/apache2"_s;
    journal.hadStatusPage = false;
    QCOMPARE(RestoreJournal::fromJson(journal.toJson(), u"test"_s)->hadStatusPage, false);
    // Journals written before the field existed: the page was there.
    QByteArray old = journal.toJson();
    old.replace("\"hadStatusPage\": false,", "");
    QVERIFY(!old.contains("hadStatusPage"));
    QCOMPARE(RestoreJournal::fromJson(old, u"test"_s)->hadStatusPage, true);
}

void TestApacheConfigModel::findsVirtualHostSettings()
{
    const QByteArray sites = "KeepAliveTimeout 5\n"
                             "<VirtualHost *:80>\n"
                             "    ServerName a.example\n"
                             "    keepalivetimeout 15\n"
                             "    <Directory /var/www>\n"
                             "        Require all granted\n"
                             "    </Directory>\n"
                             "    # KeepAlive Off\n"
                             "    MaxKeepAliveRequests 10\n"
                             "</VirtualHost>\n"
                             "Timeout 60\n"
                             "<VirtualHost   127.0.0.1:8080  >\n"
                             "KeepAlive Off\n"
                             "</VirtualHost>\n";
    const QStringList found = virtualHostDirectives({sites});
    QCOMPARE(found, QStringList({u"KeepAliveTimeout 15 in <VirtualHost *:80>"_s,
                                 u"MaxKeepAliveRequests 10 in <VirtualHost *:80>"_s,
                                 u"KeepAlive Off in <VirtualHost 127.0.0.1:8080 >"_s}));
    // Outside virtual hosts, the global reader sees only the global values.
    QCOMPARE(effectiveDirectives({sites}, MpmKind::Event).value(u"KeepAliveTimeout"_s),
             std::optional(u"5"_s));
}

// A dump as Apache's DUMP_CONFIG prints it: Debian's stock files, an
// administrator's change, MPM Lab's managed file and a virtual host.
static const QByteArray debianDump =
    "# In file: /etc/apache2/apache2.conf\n"
    "#  98:\nKeepAlive On\n# 105:\nMaxKeepAliveRequests 100\n# 111:\nKeepAliveTimeout 5\n"
    "Timeout 60\n"
    "# In file: /etc/apache2/mods-enabled/mpm_event.conf\n"
    "StartServers 2\nThreadsPerChild 25\nMaxRequestWorkers 150\n"
    "# In file: /etc/apache2/conf-enabled/zz-mpmlab.conf\n"
    "<IfModule mpm_event_module>\n    MaxRequestWorkers 500\n</IfModule>\n"
    "# In file: /etc/apache2/sites-enabled/000-default.conf\n"
    "<VirtualHost *:80>\nKeepAliveTimeout 15\n</VirtualHost>\n";

void TestApacheConfigModel::readingsNameTheirSource()
{
    const QList<ConfigFile> files = splitConfigDump(debianDump);
    QCOMPARE(files.size(), 4);
    QVERIFY(files[0].stock && files[1].stock && !files[2].stock && !files[3].stock);
    ManagedOverride managed;
    managed.perMpm[MpmKind::Event].set(u"MaxRequestWorkers"_s, u"500"_s);
    managed.perMpm[MpmKind::Prefork].set(u"MaxRequestWorkers"_s, u"60"_s);
    const QList<DirectiveReading> readings = readDirectives(
        files, MpmKind::Event, u"/etc/apache2/conf-enabled/zz-mpmlab.conf"_s, managed, {});
    const auto find = [&](const QString &name) -> DirectiveReading {
        for (const DirectiveReading &reading : readings) {
            if (reading.name == name)
                return reading;
        }
        return {};
    };
    using Source = DirectiveReading::Source;
    // Debian's packaged value in Debian's file; a value someone changed there.
    QCOMPARE(find(u"KeepAliveTimeout"_s).source, Source::Distribution);
    QCOMPARE(find(u"KeepAliveTimeout"_s).value, u"5"_s);
    QCOMPARE(find(u"Timeout"_s).source, Source::ServerConfig);
    QCOMPARE(find(u"Timeout"_s).file, u"/etc/apache2/apache2.conf"_s);
    QCOMPARE(find(u"ThreadsPerChild"_s).source, Source::Distribution);
    // MPM Lab's value wins, and says which MPMs it was set for.
    const DirectiveReading workers = find(u"MaxRequestWorkers"_s);
    QCOMPARE(workers.source, Source::Managed);
    QCOMPARE(workers.value, u"500"_s);
    QVERIFY(workers.perMpm);
    QCOMPARE(workers.managedPerMpm.value(MpmKind::Prefork), u"60"_s);
    QCOMPARE(workers.managedPerMpm.value(MpmKind::Event), u"500"_s);
    // Nothing sets ServerLimit: event's compiled 16.
    QCOMPARE(find(u"ServerLimit"_s).source, Source::CompiledDefault);
    QCOMPARE(find(u"ServerLimit"_s).value, u"16"_s);
    QCOMPARE(find(u"KeepAliveTimeout"_s).virtualHosts, QStringList{u"15 in <VirtualHost *:80>"_s});
    // Prefork's own directives are not event's.
    QVERIFY(find(u"MinSpareServers"_s).name.isEmpty());
}

void TestApacheConfigModel::readingsSayWhatApacheUses()
{
    const QString apacheLine =
        u"AH00515: WARNING: MaxRequestWorkers of 500 would require 20 servers and would exceed "
        "ServerLimit of 16, decreasing to 400."_s;
    const QList<DirectiveReading> readings =
        readDirectives(splitConfigDump(debianDump), MpmKind::Event,
                       u"/etc/apache2/conf-enabled/zz-mpmlab.conf"_s, {}, {apacheLine});
    for (const DirectiveReading &reading : readings) {
        if (reading.name == u"MaxRequestWorkers") {
            QCOMPARE(reading.usedValue, u"400"_s);
            QCOMPARE(reading.effectiveValue(), u"400"_s);
            QVERIFY(reading.warnings.contains(apacheLine));
            QVERIFY(reading.warnings.first().contains(u"16 x 25 = 400"_s));
        } else {
            // The line names MaxRequestWorkers first: ServerLimit does not get it.
            QVERIFY2(!reading.warnings.contains(apacheLine), qPrintable(reading.name));
            QVERIFY2(reading.usedValue.isEmpty(), qPrintable(reading.name));
        }
    }

    // Below ThreadsPerChild, Apache raises it.
    DirectiveSet few;
    few.set(u"MaxRequestWorkers"_s, u"10"_s);
    const QList<DirectiveSet::Adjustment> raised = few.adjustments(MpmKind::Worker);
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.first().name, u"MaxRequestWorkers"_s);
    QCOMPARE(raised.first().usedValue, u"25"_s);
}

void TestApacheConfigModel::overrideCanSetEveryMpm()
{
    const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(
        {u"MaxRequestWorkers=50"_s, u"ThreadsPerChild=10"_s, u"KeepAliveTimeout=2"_s},
        std::nullopt);
    QVERIFY(changes.ok());
    ManagedOverride override;
    override.apply(*changes, QList<MpmKind>{allMpmKinds.begin(), allMpmKinds.end()});
    QCOMPARE(override.global.value(u"KeepAliveTimeout"_s), std::optional(u"2"_s));
    for (const MpmKind mpm : allMpmKinds)
        QCOMPARE(override.perMpm[mpm].value(u"MaxRequestWorkers"_s), std::optional(u"50"_s));
    // Never in prefork's section: there it is a hard error (AH00526).
    QVERIFY(!override.perMpm[MpmKind::Prefork].value(u"ThreadsPerChild"_s));
    QCOMPARE(override.perMpm[MpmKind::Worker].value(u"ThreadsPerChild"_s), std::optional(u"10"_s));
    // One MPM only: ThreadsPerChild refused for prefork.
    QVERIFY(!DirectiveSet::fromAssignments({u"ThreadsPerChild=10"_s}, MpmKind::Prefork).ok());
}

QTEST_GUILESS_MAIN(TestApacheConfigModel)
#include "tst_apacheconfigmodel.moc"
