#include "ConnectDialog.h"
#include "MainWindow.h"
#include "ServerPanel.h"
#include "TestPaths.h"
#include "UiLanguage.h"

#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

// The French translation is compiled into the binary and `--lang fr` (which
// calls UiLanguage::install) turns the window French.
class TestFrenchUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void windowTitleIsFrench();
    void menusAreFrench();
    void unknownLanguageFallsBackToEnglish();
    void everyStringIsTranslated();
    void theServerSideIsFrench();
};

void TestFrenchUi::initTestCase() { QCOMPARE(UiLanguage::install(u"fr"_s), u"fr"_s); }

void TestFrenchUi::windowTitleIsFrench()
{
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    QCOMPARE(window.windowTitle(), u"MPM Lab — atelier des MPM d'Apache"_s);
}

void TestFrenchUi::menusAreFrench()
{
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    QCOMPARE(titles, (QStringList{u"&Fichier"_s, u"Affic&hage"_s, u"&Serveur"_s, u"&Aide"_s}));
}

void TestFrenchUi::unknownLanguageFallsBackToEnglish()
{
    QCOMPARE(UiLanguage::install(u"xx"_s), u"en"_s);
}

// Every string of the interface has its French translation, finished, with
// the same %1... placeholders as the English (a missing one would show a
// raw "%2" or lose a figure).
void TestFrenchUi::everyStringIsTranslated()
{
    QFile ts(TestPaths::fixturesDir() + u"/../../translations/mpmlab_fr.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString context;
    QString source;
    int messages = 0;
    QStringList problems;
    static const QRegularExpression placeholder(u"%(\\d+|n)"_s);
    const auto placeholders = [](const QString &text) {
        QStringList found;
        for (auto match = placeholder.globalMatch(text); match.hasNext();)
            found << match.next().captured(0);
        found.sort();
        found.removeDuplicates();
        return found;
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"source")
            source = xml.readElementText();
        else if (xml.name() == u"translation") {
            ++messages;
            const QString type = xml.attributes().value(u"type"_s).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == u"unfinished" || text.trimmed().isEmpty())
                problems << u"%1: '%2' has no French"_s.arg(context, source);
            else if (placeholders(text) != placeholders(source))
                problems << u"%1: '%2' -> '%3': other placeholders"_s.arg(context, source, text);
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 300);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestFrenchUi::theServerSideIsFrench()
{
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QStringList titles;
    for (auto *tab : window.findChildren<QTabWidget *>()) {
        for (int i = 0; i < tab->count(); ++i)
            titles << tab->tabText(i);
    }
    QVERIFY2(titles.contains(u"Serveur"_s), qPrintable(titles.join(u", "_s)));
    auto *dialog = window.showConnectDialog();
    QCOMPARE(dialog->windowTitle(), u"Se connecter à un serveur"_s);
    QVERIFY(window.serverPanel()->findChild<QPushButton *>(u"apply"_s)->text() == u"&Appliquer"_s);
}

QTEST_MAIN(TestFrenchUi)
#include "tst_french_ui.moc"
