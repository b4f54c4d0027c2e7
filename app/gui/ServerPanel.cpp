#include "ServerPanel.h"

#include "DirectiveEditor.h"
#include "MpmStyle.h"
#include "ServerFactsView.h"
#include "apache/ServerDriver.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

QLabel *title(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    label->setFont(bold);
    return label;
}

QLabel *note(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ServerPanel::ServerPanel(QWidget *parent)
    : QWidget(parent)
    , m_facts(new ServerFactsView(this))
    , m_pendingBanner(new QFrame(this))
    , m_pendingText(note(m_pendingBanner))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title(tr("Server"), this));
    layout->addWidget(m_facts);

    m_pendingBanner->setObjectName(u"restorePending"_s);
    m_pendingBanner->setFrameShape(QFrame::StyledPanel);
    m_pendingBanner->setAutoFillBackground(true);
    QPalette banner = m_pendingBanner->palette();
    banner.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xcd));
    banner.setColor(QPalette::WindowText, QColor(0x5c, 0x40, 0x00));
    m_pendingBanner->setPalette(banner);
    auto *bannerLayout = new QVBoxLayout(m_pendingBanner);
    bannerLayout->addWidget(m_pendingText);
    m_restore = new QPushButton(tr("&Restore the original"), m_pendingBanner);
    m_restore->setObjectName(u"restore"_s);
    m_restore->setToolTip(tr("Put back the configuration files byte for byte, the original MPM, "
                             "and the server running or stopped as it was."));
    connect(m_restore, &QPushButton::clicked, this, &ServerPanel::restoreRequested);
    bannerLayout->addWidget(m_restore, 0, Qt::AlignLeft);
    layout->addWidget(m_pendingBanner);

    layout->addWidget(buildMpmGroup());
    layout->addWidget(buildDirectiveGroup());
    layout->addWidget(buildMemoryGroup());
    m_busyNote = note(this);
    layout->addWidget(m_busyNote);
    auto *refresh = new QPushButton(tr("Read the server a&gain"), this);
    connect(refresh, &QPushButton::clicked, this, &ServerPanel::refreshRequested);
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    layout->addStretch(1);
    updateControls();
}

QWidget *ServerPanel::buildMpmGroup()
{
    auto *group = new QGroupBox(tr("MPM"), this);
    auto *layout = new QVBoxLayout(group);
    auto *row = new QHBoxLayout;
    m_mpmButtons = new QButtonGroup(this);
    for (const MpmKind mpm : allMpmKinds) {
        auto *button = new QPushButton(mpmName(mpm), group);
        button->setObjectName(mpmName(mpm));
        button->setCheckable(true);
        button->setMinimumHeight(button->sizeHint().height() * 5 / 4);
        QPalette palette = button->palette();
        palette.setColor(QPalette::Button, MpmStyle::colour(mpm).lighter(160));
        button->setPalette(palette);
        m_mpmButtons->addButton(button, int(mpm));
        row->addWidget(button);
    }
    connect(m_mpmButtons, &QButtonGroup::idClicked, this, [this](int id) {
        updateControls(); // the checked button follows the server, not the click
        Q_EMIT switchMpmRequested(MpmKind(id));
    });
    layout->addLayout(row);
    auto *how = note(group);
    how->setText(tr("Switching is a full stop and start (a graceful restart cannot change the "
                    "MPM), checked through mod_status; a failed start puts the previous MPM "
                    "back."));
    layout->addWidget(how);
    return group;
}

QWidget *ServerPanel::buildDirectiveGroup()
{
    auto *group = new QGroupBox(tr("Directives"), this);
    auto *layout = new QVBoxLayout(group);
    m_readingNote = note(group);
    layout->addWidget(m_readingNote);
    m_directives = new DirectiveEditor(group);
    layout->addWidget(m_directives);
    m_thisMpm = new QRadioButton(group);
    m_everyMpm = new QRadioButton(tr("every MPM"), group);
    m_thisMpm->setChecked(true);
    auto *scope = new QVBoxLayout;
    scope->setSpacing(2);
    scope->addWidget(new QLabel(tr("An MPM's own directives go to:"), group));
    scope->addWidget(m_thisMpm);
    scope->addWidget(m_everyMpm);
    layout->addLayout(scope);
    m_editError = note(group);
    QPalette warning = m_editError->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    m_editError->setPalette(warning);
    layout->addWidget(m_editError);
    auto *buttons = new QHBoxLayout;
    m_apply = new QPushButton(tr("&Apply"), group);
    m_apply->setObjectName(u"apply"_s);
    m_apply->setToolTip(tr("configtest, then a full restart if the server runs; rolled back if "
                           "Apache refuses or does not come back."));
    m_revert = new QPushButton(tr("Re&vert the edits"), group);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_lastChange = note(group);
    m_lastChange->setObjectName(u"lastChange"_s);
    layout->addWidget(m_lastChange);
    connect(m_apply, &QPushButton::clicked, this, &ServerPanel::apply);
    connect(m_revert, &QPushButton::clicked, m_directives, &DirectiveEditor::revert);
    connect(m_directives, &DirectiveEditor::editsChanged, this, &ServerPanel::updateControls);
    return group;
}

QWidget *ServerPanel::buildMemoryGroup()
{
    auto *group = new QGroupBox(tr("Memory limit"), this);
    auto *layout = new QHBoxLayout(group);
    m_limited = new QCheckBox(tr("Limit each Apache process to"), group);
    QCheckBox *limited = m_limited;
    limited->setObjectName(u"limited"_s);
    m_memoryLimit = new QSpinBox(group);
    m_memoryLimit->setObjectName(u"memoryLimit"_s);
    m_memoryLimit->setRange(int(ServerDriver::minMemoryLimitKib),
                            int(ServerDriver::maxMemoryLimitKib));
    m_memoryLimit->setValue(500000);
    m_memoryLimit->setSuffix(tr(" KiB"));
    m_memoryLimit->setGroupSeparatorShown(true);
    m_memoryLimit->setEnabled(false);
    m_setLimit = new QPushButton(tr("&Set"), group);
    m_setLimit->setObjectName(u"setMemoryLimit"_s);
    connect(limited, &QCheckBox::toggled, m_memoryLimit, &QWidget::setEnabled);
    connect(m_setLimit, &QPushButton::clicked, this, [this, limited] {
        Q_EMIT memoryLimitRequested(
            limited->isChecked() ? std::optional<qint64>(m_memoryLimit->value()) : std::nullopt);
    });
    m_memoryLimit->setToolTip(tr("ulimit -v for every Apache process: threaded MPMs reserve "
                                 "address space per thread and may not start under it."));
    layout->addWidget(limited);
    layout->addWidget(m_memoryLimit);
    layout->addWidget(m_setLimit);
    layout->addStretch(1);
    return group;
}

void ServerPanel::showDescription(const ServerDescription &description)
{
    m_description = description;
    m_facts->showDescription(description);
    const MpmKind mpm = description.state.configuredMpm.value_or(MpmKind::Event);
    m_directives->showReadings(description.directives, mpm);
    m_thisMpm->setText(tr("this MPM (%1) only").arg(mpmName(mpm)));
    m_readingNote->setText(tr("The values Apache reads for %1, the MPM its config loads. "
                              "Directives marked • are an MPM's own: each MPM reads its own "
                              "value.")
                               .arg(mpmName(mpm)));
    if (description.restorePending) {
        const QDateTime since = QDateTime::fromString(description.restoreSince, Qt::ISODate);
        m_pendingText->setText(
            since.isValid()
                ? tr("<b>MPM Lab changed this server on %1 and has not put it back yet.</b> "
                     "Restore puts back the original files and MPM.")
                      .arg(QLocale().toString(since.toLocalTime(), QLocale::ShortFormat))
                : tr("<b>MPM Lab changed this server and has not put it back yet.</b> Restore "
                     "puts back the original files and MPM."));
    }
    m_pendingBanner->setVisible(description.restorePending);
    const std::optional<qint64> limit = description.state.memoryLimitKib;
    if (limit)
        m_memoryLimit->setValue(int(*limit));
    m_limited->setChecked(limit.has_value());
    updateControls();
}

void ServerPanel::showChangeApplied(const QString &what, const QStringList &warnings)
{
    m_lastChange->setText(
        warnings.isEmpty()
            ? tr("%1: done.").arg(what)
            : tr("%1: done, with Apache's warnings:\n%2").arg(what, warnings.join(u'\n')));
}

void ServerPanel::showChangeFailed(const QString &message, const QString &details)
{
    m_lastChange->setText(details.trimmed().isEmpty()
                              ? tr("Failed: %1").arg(message)
                              : tr("Failed: %1\n%2").arg(message, details.trimmed()));
}

void ServerPanel::setBusy(bool busy, const QString &why)
{
    m_busy = busy;
    m_busyNote->setText(why);
    m_busyNote->setVisible(!why.isEmpty());
    updateControls();
}

void ServerPanel::apply()
{
    const Result<DirectiveSet> changes = m_directives->changes();
    if (!changes || changes->isEmpty())
        return;
    Q_EMIT directivesRequested(*changes, m_everyMpm->isChecked() ? DirectiveScope::EveryMpm
                                                                 : DirectiveScope::ConfiguredMpm);
}

void ServerPanel::updateControls()
{
    const bool known = m_description.has_value();
    const bool changeable = known && m_description->canChange && !m_busy;
    // The MPM that runs, else the one the config loads; -1 when none is known.
    int shown = -1;
    if (known) {
        const ServerState &state = m_description->state;
        const std::optional<MpmKind> mpm = state.running ? state.runningMpm : state.configuredMpm;
        if (mpm)
            shown = int(*mpm);
    }
    for (QAbstractButton *button : m_mpmButtons->buttons()) {
        button->setEnabled(changeable);
        button->setChecked(m_mpmButtons->id(button) == shown);
    }
    const Result<DirectiveSet> changes = m_directives->changes();
    m_editError->setText(changes ? QString() : changes.error().message);
    m_editError->setVisible(!changes);
    m_apply->setEnabled(changeable && changes && !changes->isEmpty());
    m_revert->setEnabled(!m_directives->editedNames().isEmpty());
    m_setLimit->setEnabled(changeable);
    m_restore->setEnabled(changeable);
    m_thisMpm->setEnabled(changeable);
    m_everyMpm->setEnabled(changeable);
}

QString ServerPanel::lastChangeText() const { return m_lastChange->text(); }

bool ServerPanel::restoreOffered() const
{
    return m_pendingBanner->isVisibleTo(this) && m_restore->isEnabled();
}
