#pragma once

#include "apache/DirectiveScope.h"
#include "apache/DirectiveSet.h"
#include "apache/ServerDescription.h"

#include <QList>
#include <QWidget>
#include <optional>

class DirectiveEditor;
class ServerFactsView;
class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QFrame;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;

// The server as it is, and its controls: what was detected; a restore owed
// by an earlier session, with its button; prefork, worker and event to
// switch to now; the directives that matter, editable with the checks of
// `server set` and Apache's warnings beside them, applied to this MPM or
// to every MPM; the memory limit; and Restore, which puts the original
// files and MPM back. It only asks (signals): the window carries the
// requests to the server and shows the answers here.
class ServerPanel : public QWidget {
    Q_OBJECT

public:
    explicit ServerPanel(QWidget *parent = nullptr);

    void showDescription(const mpmlab::ServerDescription &description);
    // After a change: what went through, and Apache's lines about it.
    void showChangeApplied(const QString &what, const QStringList &warnings);
    void showChangeFailed(const QString &message, const QString &details);
    // While the server is busy (an operation, a campaign that owns it):
    // no new change, and why.
    void setBusy(bool busy, const QString &why = {});

    [[nodiscard]] DirectiveEditor *directives() const { return m_directives; }
    [[nodiscard]] ServerFactsView *facts() const { return m_facts; }
    [[nodiscard]] const std::optional<mpmlab::ServerDescription> &description() const
    {
        return m_description;
    }
    [[nodiscard]] QString lastChangeText() const;
    [[nodiscard]] bool restoreOffered() const;
    // What Apply sends, for tests: the button's click.
    void apply();

Q_SIGNALS:
    void switchMpmRequested(mpmlab::MpmKind kind);
    void directivesRequested(const mpmlab::DirectiveSet &changes, mpmlab::DirectiveScope scope);
    void memoryLimitRequested(std::optional<qint64> kibibytes);
    void restoreRequested();
    void refreshRequested();

private:
    QWidget *buildMpmGroup();
    QWidget *buildDirectiveGroup();
    QWidget *buildMemoryGroup();
    void updateControls();

    std::optional<mpmlab::ServerDescription> m_description;
    ServerFactsView *m_facts;
    QFrame *m_pendingBanner;
    QLabel *m_pendingText;
    QButtonGroup *m_mpmButtons = nullptr;
    QLabel *m_readingNote = nullptr;
    DirectiveEditor *m_directives = nullptr;
    QRadioButton *m_thisMpm = nullptr;
    QRadioButton *m_everyMpm = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_editError = nullptr;
    QLabel *m_lastChange = nullptr;
    QCheckBox *m_limited = nullptr;
    QSpinBox *m_memoryLimit = nullptr;
    QPushButton *m_setLimit = nullptr;
    QPushButton *m_restore = nullptr;
    QLabel *m_busyNote = nullptr;
    bool m_busy = false;
};
