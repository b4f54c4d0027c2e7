#include "common/AtomicFile.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// Result files: a write error is an error, and a device is never replaced.
class TestAtomicFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAndReplaces();
    void aFullDeviceIsAnErrorAndStaysADevice();
    void aMissingDirectoryIsAnError();
};

void TestAtomicFile::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"result.json"_s);
    QVERIFY(writeFileAtomically(path, "first").ok());
    QVERIFY(writeFileAtomically(path, "second").ok());
    QCOMPARE(*readWholeFile(path), QByteArray("second"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"result.json"_s});
}

// A node like /dev/full of the test's own (a rename over the real one
// would break it for the whole machine).
void TestAtomicFile::aFullDeviceIsAnErrorAndStaysADevice()
{
    if (::geteuid() != 0)
        QSKIP("making a device node needs root");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"full"_s);
    QCOMPARE(::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 7)), 0);
    const Status written = writeFileAtomically(path, QByteArray(4096, 'x'));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, Error::Kind::Io);
    QVERIFY2(written.error().message.contains(path)
                 && written.error().message.contains(u"No space left on device"_s),
             qPrintable(written.error().message));
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QVERIFY(S_ISCHR(info.st_mode));
}

void TestAtomicFile::aMissingDirectoryIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"no/such/dir/result.json"_s);
    const Status written = writeFileAtomically(path, "x");
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
