#include "UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

QString installed = u"en"_s;

} // namespace

QString UiLanguage::current() { return installed; }

QString UiLanguage::install(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    auto *ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(locale, u"mpmlab"_s, u"_"_s, u":/i18n"_s)) {
        delete ours;
        installed = u"en"_s;
        return installed;
    }
    QCoreApplication::installTranslator(ours);

    // Qt's own strings (standard buttons, dialogs), when installed.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    installed = QLocale::languageToCode(locale.language());
    return installed;
}
