#include "ServerStatusLine.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

const QColor runningColour(0x2e, 0x9d, 0x3a);
const QColor campaignColour(0x1f, 0x6f, 0xb5);
const QColor errorColour(0xc6, 0x28, 0x28);

} // namespace

ServerStatusLine::ServerStatusLine(QWidget *parent)
    : QWidget(parent)
    , m_lamp(new QLabel(u"●"_s, this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lamp);
    layout->addWidget(m_text);
    showDisconnected();
}

void ServerStatusLine::show(const QString &text, const QColor &lamp)
{
    m_text->setText(text);
    QPalette palette = m_lamp->palette();
    palette.setColor(QPalette::WindowText, lamp);
    m_lamp->setPalette(palette);
}

void ServerStatusLine::showDisconnected()
{
    show(tr("Not connected: File > Connect to a server, or use the local lab."),
         palette().color(QPalette::Mid));
}

void ServerStatusLine::showChecking(const QString &target)
{
    show(tr("%1: checking…").arg(target), palette().color(QPalette::Mid));
}

void ServerStatusLine::showState(const QString &target, const ServerState &state)
{
    if (!state.running) {
        show(tr("%1: stopped").arg(target), palette().color(QPalette::Mid));
        return;
    }
    const QString mpm = state.runningMpm ? mpmName(*state.runningMpm) : tr("unknown MPM");
    show(tr("%1: running %2 on %3 (pid %4)").arg(target, mpm, state.baseUrl()).arg(state.pid),
         runningColour);
}

void ServerStatusLine::showCampaign(const QString &target, const QString &scenario,
                                    const CampaignProgress &progress)
{
    show(progress.mpm ? tr("%1: in use by the campaign %2 (%3, run %4 of %5)")
                            .arg(target, scenario, mpmName(*progress.mpm))
                            .arg(progress.run + 1)
                            .arg(progress.runs)
                      : tr("%1: in use by the campaign %2").arg(target, scenario),
         campaignColour);
}

void ServerStatusLine::showError(const QString &target)
{
    show(tr("%1: error").arg(target), errorColour);
}

QString ServerStatusLine::text() const { return m_text->text(); }
