#pragma once

#include "apache/ServerState.h"
#include "scenario/CampaignProgress.h"

#include <QWidget>

class QLabel;

// The status bar's lasting part: a coloured lamp and one sentence that
// always says what the server is doing (stopped, running which MPM where,
// in use by a campaign, unreachable), named by the target.
class ServerStatusLine : public QWidget {
    Q_OBJECT

public:
    explicit ServerStatusLine(QWidget *parent = nullptr);

    void showDisconnected();
    void showChecking(const QString &target);
    void showState(const QString &target, const mpmlab::ServerState &state);
    void showCampaign(const QString &target, const QString &scenario,
                      const mpmlab::CampaignProgress &progress);
    void showError(const QString &target);

    [[nodiscard]] QString text() const;

private:
    void show(const QString &text, const QColor &lamp);

    QLabel *m_lamp;
    QLabel *m_text;
};
