#include "TerminalPrompt.h"

#include <QTextStream>
#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace TerminalPrompt {

namespace {

QString readLine()
{
    std::string line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        line.push_back(char(c));
    return QString::fromStdString(line);
}

} // namespace

bool isInteractive() { return ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO); }

bool confirm(const QString &question)
{
    if (!isInteractive())
        return false;
    QTextStream err(stderr);
    err << question << " [yes/no] " << Qt::flush;
    const QString answer = readLine().trimmed().toLower();
    return answer == QLatin1StringView("yes") || answer == QLatin1StringView("y");
}

QString secret(const QString &prompt)
{
    if (!isInteractive())
        return {};
    QTextStream err(stderr);
    err << prompt << Qt::flush;
    termios saved{};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    const QString answer = readLine();
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err << Qt::endl;
    return answer;
}

} // namespace TerminalPrompt
