#include "ServerFactsView.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

QString shortModule(const QString &module)
{
    return module.endsWith(u"_module"_s) ? module.chopped(7) : module;
}

} // namespace

ServerFactsView::ServerFactsView(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_problems(new QLabel(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addFact(u"target"_s, tr("Target:"));
    addFact(u"system"_s, tr("System:"));
    addFact(u"layout"_s, tr("Layout:"));
    addFact(u"apache"_s, tr("Apache:"));
    addFact(u"mpm"_s, tr("MPM:"));
    addFact(u"server"_s, tr("Server:"));
    addFact(u"status"_s, tr("mod_status:"));
    addFact(u"memory"_s, tr("Memory limit:"));
    addFact(u"modules"_s, tr("Modules:"));
    addFact(u"changes"_s, tr("Changes:"));
    addFact(u"owner"_s, tr("In use by:"));
    m_problems->setObjectName(u"problems"_s);
    m_problems->setWordWrap(true);
    QPalette warning = m_problems->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    m_problems->setPalette(warning);
    m_form->addRow(m_problems);
}

QLabel *ServerFactsView::addFact(const QString &name, const QString &label)
{
    auto *value = new QLabel(this);
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    m_facts << value;
    return value;
}

QString ServerFactsView::factText(const QString &name) const
{
    for (const QLabel *fact : m_facts) {
        if (fact->objectName() == name)
            return fact->text();
    }
    return {};
}

QString ServerFactsView::layoutText(const ServerDescription &description)
{
    const QJsonObject &layout = description.layoutDetails;
    if (layout.isEmpty()) // the local lab
        return tr("MPM Lab's local lab (%1)").arg(description.state.configRoot);
    QString where = layout.value(u"configDir"_s).toString();
    if (layout.value(u"systemd"_s).toBool())
        where += tr(", systemd");
    if (layout.value(u"family"_s).toString() == u"rhel")
        return tr("RHEL (%1)").arg(where);
    const QString instance = layout.value(u"instance"_s).toString();
    return instance.isEmpty() ? tr("Debian (%1)").arg(where)
                              : tr("Debian instance %1 (%2)").arg(instance, where);
}

void ServerFactsView::showDescription(const ServerDescription &description)
{
    const ServerState &state = description.state;
    const auto set = [this](const QString &name, const QString &text, const QString &tip = {}) {
        for (QLabel *fact : std::as_const(m_facts)) {
            if (fact->objectName() == name) {
                fact->setText(text);
                fact->setToolTip(tip);
                m_form->setRowVisible(fact, !text.isEmpty());
            }
        }
    };
    const auto mpm = [](const std::optional<MpmKind> &kind) {
        return kind ? mpmName(*kind) : tr("none");
    };
    set(u"target"_s, state.target == u"local" ? tr("the local lab") : state.target);
    set(u"system"_s, state.osName);
    set(u"layout"_s, layoutText(description));
    set(u"apache"_s, description.apacheVersion);
    QString mpms = tr("%1 configured").arg(mpm(state.configuredMpm));
    if (state.running)
        mpms += tr(", %1 running").arg(mpm(state.runningMpm));
    set(u"mpm"_s, mpms);
    set(u"server"_s, state.running
                         ? tr("running (pid %1) on %2").arg(state.pid).arg(state.baseUrl())
                         : tr("stopped"));
    set(u"status"_s, description.statusReadable ? tr("readable")
                     : state.running ? tr("not readable: %1").arg(description.statusProblem)
                                     : tr("not readable while the server is stopped"));
    set(u"memory"_s, state.memoryLimitKib ? tr("%1 KiB of virtual memory per process (ulimit -v)")
                                                .arg(QLocale().toString(*state.memoryLimitKib))
                                          : tr("none"));
    QStringList modules;
    for (const QString &module : description.modules)
        modules << shortModule(module);
    QString moduleText = tr("%n loaded", nullptr, int(modules.size()));
    if (!description.phpModules.isEmpty())
        moduleText +=
            tr("; mod_php (%1), which needs prefork").arg(description.phpModules.join(u", "_s));
    set(u"modules"_s, moduleText, modules.join(u", "_s));
    set(u"changes"_s, description.canChange ? tr("allowed") : description.cannotChange);
    set(u"owner"_s, state.owner);
    m_problems->setText(state.problems.join(u'\n'));
    m_problems->setVisible(!state.problems.isEmpty());
}
