#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QMessageBox;
class QProgressDialog;
class QWidget;

// What closing the window does while the server is owed something: a
// campaign under way (stop it, let it put the server back, then quit), a
// change under way (let it finish), or changes the user made and has not
// restored (restore them, or keep them). Asked first, never done at once;
// then a progress dialog follows the restore and the window closes by
// itself.
class QuitGuard : public QObject {
    Q_OBJECT

public:
    // What the guard reads of the window's server, and how it acts on it.
    struct Server {
        std::function<bool()> campaignRunning;
        std::function<bool()> busy;        // a change under way
        std::function<bool()> owesRestore; // changes made and not put back
        std::function<QString()> name;
        std::function<void()> stopCampaign;
        std::function<void()> restore;
    };

    QuitGuard(QWidget *window, Server server);

    // From the window's closeEvent: true when it may close now; otherwise
    // the question is on screen, or the restore under way.
    bool mayClose();
    [[nodiscard]] bool isQuitting() const { return m_progress != nullptr; }

    // What the window reports.
    void operationFinished();
    void campaignFinished();
    void showStep(const QString &step);

private:
    QMessageBox *ask(const QString &text, const QString &restore, const QString &keep);
    // Quit after `operationsLeft` more operations (0: the campaign's end).
    void quitAfter(const QString &step, int operationsLeft);
    void closeNow();

    QWidget *m_window;
    Server m_server;
    QPointer<QMessageBox> m_question;
    QProgressDialog *m_progress = nullptr;
    int m_operationsLeft = 0;
    bool m_confirmed = false;
};
