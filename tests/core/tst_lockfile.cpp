#include "common/LockFile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <stop_token>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// One holder at a time among LockFile objects and processes; the holder
// is named to whoever is refused, and the lock goes with its holder.
class TestLockFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneHolderAtATime();
    void aWaitEndsWhenTheHolderLetsGo();
    void aWaitCanBeStopped();
    void anotherProcessIsNamedAndItsEndFreesTheLock();
};

void TestLockFile::oneHolderAtATime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.lock"_s);
    QVERIFY(!LockFile::holder(path).has_value());
    Result<std::unique_ptr<LockFile>> first = LockFile::acquire(path, u"lab set-mpm worker"_s, 0ms);
    QVERIFY(first.ok());
    const std::optional<LockHolder> holder = LockFile::holder(path);
    QVERIFY(holder.has_value());
    QCOMPARE(holder->pid, QCoreApplication::applicationPid());
    QCOMPARE(holder->purpose, u"lab set-mpm worker"_s);
    QVERIFY(holder->command.contains(u"tst_lockfile"_s));

    // Another LockFile of the same process is another owner.
    const Result<std::unique_ptr<LockFile>> second = LockFile::acquire(path, u"other"_s, 0ms);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, Error::Kind::Busy);
    QVERIFY2(second.error().message.contains(u"lab set-mpm worker, pid %1"_s.arg(holder->pid))
                 && second.error().message.contains(u"since"_s),
             qPrintable(second.error().message));

    std::move(first).value().reset();
    QVERIFY(!LockFile::holder(path).has_value());
    QVERIFY(LockFile::acquire(path, u"other"_s, 0ms).ok());
}

void TestLockFile::aWaitEndsWhenTheHolderLetsGo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.lock"_s);
    Result<std::unique_ptr<LockFile>> first = LockFile::acquire(path, u"first"_s, 0ms);
    QVERIFY(first.ok());
    std::atomic<bool> told = false;
    std::optional<Result<std::unique_ptr<LockFile>>> second;
    std::jthread waiter([&] {
        second = LockFile::acquire(path, u"second"_s, waitForever, {},
                                   [&told](const LockHolder &) { told = true; });
    });
    QTRY_VERIFY(told.load());
    QVERIFY(!second.has_value());
    std::move(first).value().reset();
    waiter.join();
    QVERIFY(second.has_value() && second->ok());
    QCOMPARE(LockFile::holder(path)->purpose, u"second"_s);
}

void TestLockFile::aWaitCanBeStopped()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.lock"_s);
    const Result<std::unique_ptr<LockFile>> first = LockFile::acquire(path, u"first"_s, 0ms);
    QVERIFY(first.ok());
    std::stop_source stop;
    std::atomic<bool> waiting = false;
    std::optional<Result<std::unique_ptr<LockFile>>> second;
    std::jthread waiter([&] {
        second = LockFile::acquire(path, u"second"_s, waitForever, stop.get_token(),
                                   [&waiting](const LockHolder &) { waiting = true; });
    });
    QTRY_VERIFY(waiting.load());
    stop.request_stop();
    waiter.join();
    QVERIFY(second.has_value() && !second->ok());
    QCOMPARE(second->error().kind, Error::Kind::Cancelled);

    // A bounded wait ends with Busy.
    const Result<std::unique_ptr<LockFile>> bounded = LockFile::acquire(path, u"third"_s, 300ms);
    QCOMPARE(bounded.error().kind, Error::Kind::Busy);
}

// Another program holding it (perl's flock, in its own process): named by
// its pid and command line; when it ends, however it ends, the lock is free.
void TestLockFile::anotherProcessIsNamedAndItsEndFreesTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lab.lock"_s);
    QProcess holder;
    holder.start(u"perl"_s, {u"-MFcntl=:flock"_s, u"-e"_s,
                             u"open(my $f, '>>', $ARGV[0]) or die; flock($f, LOCK_EX) or die; "
                             "sleep 60"_s,
                             path});
    QVERIFY(holder.waitForStarted());
    QTRY_VERIFY(LockFile::holder(path).has_value());
    const LockHolder named = *LockFile::holder(path);
    QCOMPARE(named.pid, holder.processId());
    QVERIFY2(named.command.contains(u"perl -MFcntl=:flock"_s), qPrintable(named.command));
    const Result<std::unique_ptr<LockFile>> refused = LockFile::acquire(path, u"mine"_s, 0ms);
    QCOMPARE(refused.error().kind, Error::Kind::Busy);
    QVERIFY2(refused.error().message.contains(u"pid %1"_s.arg(holder.processId())),
             qPrintable(refused.error().message));

    holder.kill(); // SIGKILL: no chance to unlock
    QVERIFY(holder.waitForFinished());
    QTRY_VERIFY(!LockFile::holder(path).has_value());
    QVERIFY(LockFile::acquire(path, u"mine"_s, 0ms).ok());
}

QTEST_GUILESS_MAIN(TestLockFile)
#include "tst_lockfile.moc"
