#include "QuitGuard.h"

#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

QuitGuard::QuitGuard(QWidget *window, Server server)
    : QObject(window)
    , m_window(window)
    , m_server(std::move(server))
{
}

QMessageBox *QuitGuard::ask(const QString &text, const QString &restore, const QString &keep)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit MPM Lab"), text,
                                QMessageBox::NoButton, m_window);
    box->setObjectName(u"quitQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *first = box->addButton(restore, QMessageBox::AcceptRole);
    first->setObjectName(u"restoreAndQuit"_s);
    if (!keep.isEmpty())
        box->addButton(keep, QMessageBox::DestructiveRole)->setObjectName(u"quitAsIs"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"stay"_s);
    box->setDefaultButton(first);
    m_question = box;
    return box;
}

bool QuitGuard::mayClose()
{
    if (m_confirmed && !m_progress)
        return true;
    if (m_progress || m_question)
        return false;
    if (m_server.campaignRunning()) {
        QMessageBox *box = ask(tr("A campaign is running on %1. Stop it and put the server back "
                                  "as it was, then quit?")
                                   .arg(m_server.name()),
                               tr("Stop, restore and quit"), QString());
        connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
            if (box->buttonRole(button) != QMessageBox::AcceptRole)
                return;
            m_server.stopCampaign();
            quitAfter(tr("Stopping the campaign, then putting the server back…"), 0);
        });
        box->open();
        return false;
    }
    const bool busy = m_server.busy();
    if (!busy && !m_server.owesRestore())
        return true;
    QMessageBox *box =
        busy ? ask(tr("A change is under way on %1. Quit once it is done and the server is put "
                      "back as it was?")
                       .arg(m_server.name()),
                   tr("Restore and quit"), tr("Quit when done, keep the changes"))
             : ask(tr("MPM Lab changed %1 (its MPM, directives or files) and has not put it "
                      "back. Restore the original before quitting?")
                       .arg(m_server.name()),
                   tr("Restore and quit"), tr("Quit, keep the changes"));
    connect(box, &QMessageBox::buttonClicked, this, [this, box, busy](QAbstractButton *button) {
        const QMessageBox::ButtonRole role = box->buttonRole(button);
        if (role == QMessageBox::AcceptRole) {
            // After the change under way, if any: then the restore.
            quitAfter(tr("Putting the server back as it was…"), busy ? 2 : 1);
            m_server.restore();
        } else if (role == QMessageBox::DestructiveRole) {
            if (busy) {
                quitAfter(tr("Waiting for the change to finish…"), 1);
            } else {
                m_confirmed = true;
                closeNow();
            }
        }
    });
    box->open();
    return false;
}

void QuitGuard::quitAfter(const QString &step, int operationsLeft)
{
    m_confirmed = true;
    m_operationsLeft = operationsLeft;
    m_progress = new QProgressDialog(step, QString(), 0, 0, m_window);
    m_progress->setObjectName(u"quitting"_s);
    m_progress->setWindowTitle(tr("Quit MPM Lab"));
    m_progress->setMinimumDuration(0);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->show();
}

void QuitGuard::closeNow()
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    QTimer::singleShot(0, m_window, &QWidget::close);
}

void QuitGuard::operationFinished()
{
    if (m_progress && m_operationsLeft > 0 && --m_operationsLeft == 0)
        closeNow();
}

void QuitGuard::campaignFinished()
{
    if (m_progress && m_operationsLeft == 0)
        closeNow();
}

void QuitGuard::showStep(const QString &step)
{
    if (m_progress)
        m_progress->setLabelText(tr("Putting the server back as it was…\n%1").arg(step));
}
