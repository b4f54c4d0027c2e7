#include "MainWindow.h"
#include "UiLanguage.h"

#include <QMenuBar>
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

QTEST_MAIN(TestFrenchUi)
#include "tst_french_ui.moc"
