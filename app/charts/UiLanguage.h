#pragma once

#include <QString>

// The language of the user interface and of the reports' charts: English
// source strings, French from the translation compiled into the binary.
class UiLanguage {
public:
    // Installs the translators for `language` ("fr", "en", or empty for the
    // system locale) on the running application. Returns the language in
    // effect ("en" when no translation exists for the one asked).
    static QString install(const QString &language);
    // The language install() put in effect ("en" before it ran).
    static QString current();
};
