#pragma once

#include <QString>

// Questions mpmlab-cli asks on the controlling terminal (stderr for the
// question, stdin for the answer). Without a terminal nothing is asked:
// the caller gets "no" or an empty answer and explains what to pass instead.
namespace TerminalPrompt {

[[nodiscard]] bool isInteractive();
// "yes"/"y" (any case) is yes; anything else, or no terminal, is no.
[[nodiscard]] bool confirm(const QString &question);
// Reads a line with echo off (passwords, passphrases).
[[nodiscard]] QString secret(const QString &prompt);

} // namespace TerminalPrompt
