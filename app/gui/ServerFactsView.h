#pragma once

#include "apache/ServerDescription.h"

#include <QWidget>

class QFormLayout;
class QLabel;

// What was detected on the server, read only: the target, the system and
// layout, Apache's version, the configured and running MPM, the modules,
// the memory limit, whether mod_status is readable, whether MPM Lab may
// change it, who owns it now, and what disagrees.
class ServerFactsView : public QWidget {
    Q_OBJECT

public:
    explicit ServerFactsView(QWidget *parent = nullptr);

    void showDescription(const mpmlab::ServerDescription &description);
    // The text shown for the fact `name` ("mpm", "status"...), for tests.
    [[nodiscard]] QString factText(const QString &name) const;
    // "Debian (/etc/apache2)", "MPM Lab's local lab (DIR)"..., translated.
    [[nodiscard]] static QString layoutText(const mpmlab::ServerDescription &description);

private:
    QLabel *addFact(const QString &name, const QString &label);

    QFormLayout *m_form;
    QList<QLabel *> m_facts;
    QLabel *m_problems;
};
