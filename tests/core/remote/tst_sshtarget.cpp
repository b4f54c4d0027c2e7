#include "remote/SshTarget.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// Targets are the first user input that reaches libssh: every malformed or
// hostile one must be refused with a reason, good ones parsed exactly.
class TestSshTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValidTargets_data();
    void parsesValidTargets();
    void refusesMalformedTargets_data();
    void refusesMalformedTargets();
};

void TestSshTarget::parsesValidTargets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("shown");
    QTest::newRow("default port") << u"ssh://root@lab.example.org"_s << u"root"_s
                                  << u"lab.example.org"_s << 22
                                  << u"ssh://root@lab.example.org:22"_s;
    QTest::newRow("port") << u"ssh://ann@127.0.0.1:2222"_s << u"ann"_s << u"127.0.0.1"_s << 2222
                          << u"ssh://ann@127.0.0.1:2222"_s;
    QTest::newRow("ipv6") << u"ssh://bob_2@[::1]:40022"_s << u"bob_2"_s << u"::1"_s << 40022
                          << u"ssh://bob_2@[::1]:40022"_s;
    QTest::newRow("trailing slash")
        << u"ssh://u.x@vm1/"_s << u"u.x"_s << u"vm1"_s << 22 << u"ssh://u.x@vm1:22"_s;
}

void TestSshTarget::parsesValidTargets()
{
    QFETCH(QString, text);
    const Result<SshTarget> target = SshTarget::parse(text);
    QVERIFY2(target.ok(), qPrintable(target.ok() ? QString() : target.error().message));
    QTEST(target->user, "user");
    QTEST(target->host, "host");
    QTEST(int(target->port), "port");
    QTEST(target->toString(), "shown");
}

void TestSshTarget::refusesMalformedTargets_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no scheme") << u"root@host"_s;
    QTest::newRow("no user") << u"ssh://host"_s;
    QTest::newRow("port zero") << u"ssh://root@host:0"_s;
    QTest::newRow("port too big") << u"ssh://root@host:70000"_s;
    QTest::newRow("semicolon in host") << u"ssh://root@host;reboot"_s;
    QTest::newRow("space in user") << u"ssh://ro ot@host"_s;
    QTest::newRow("quote in user") << u"ssh://r'oot@host"_s;
    QTest::newRow("option as host") << u"ssh://root@-oProxyCommand=x"_s;
    QTest::newRow("bad ipv6") << u"ssh://root@[zz::1]"_s;
    QTest::newRow("path") << u"ssh://root@host/etc"_s;
}

void TestSshTarget::refusesMalformedTargets()
{
    QFETCH(QString, text);
    const Result<SshTarget> target = SshTarget::parse(text);
    QVERIFY(!target.ok());
    QCOMPARE(target.error().kind, Error::Kind::InvalidInput);
    QVERIFY(target.error().message.contains(u"ssh://user@host[:port]"_s));
}

QTEST_GUILESS_MAIN(TestSshTarget)
#include "tst_sshtarget.moc"
