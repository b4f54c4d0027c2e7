#include "DirectiveEditor.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

enum Column { NameColumn, FieldColumn, UsedColumn, SourceColumn };

const QColor warningColour(0xb7, 0x1c, 0x1c);
const QColor adjustedColour(0xb3, 0x5c, 0x00);

void colour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace

DirectiveEditor::DirectiveEditor(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(SourceColumn, 1);
    const QStringList headers{tr("Directive"), tr("Value"), tr("Apache uses"), tr("From")};
    for (int column = 0; column < int(headers.size()); ++column) {
        auto *header = new QLabel(headers[column], this);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_grid->addWidget(header, 0, column);
    }
}

QString DirectiveEditor::meaning(const QString &name)
{
    static const QHash<QString, const char *> meanings{
        {u"Timeout"_s, QT_TR_NOOP("Seconds Apache waits for a slow client before giving up.")},
        {u"KeepAlive"_s, QT_TR_NOOP("Whether a connection stays open for the client's next "
                                    "request.")},
        {u"MaxKeepAliveRequests"_s,
         QT_TR_NOOP("Requests one kept-alive connection may carry (0: no limit).")},
        {u"KeepAliveTimeout"_s,
         QT_TR_NOOP("Seconds an idle kept-alive connection is held open: under prefork and "
                    "worker it holds a process or thread all that time.")},
        {u"StartServers"_s, QT_TR_NOOP("Processes started at once.")},
        {u"MinSpareServers"_s, QT_TR_NOOP("prefork: idle processes kept ready at least.")},
        {u"MaxSpareServers"_s, QT_TR_NOOP("prefork: idle processes kept ready at most.")},
        {u"MinSpareThreads"_s, QT_TR_NOOP("Idle threads kept ready at least.")},
        {u"MaxSpareThreads"_s, QT_TR_NOOP("Idle threads kept ready at most.")},
        {u"ThreadLimit"_s, QT_TR_NOOP("The most ThreadsPerChild may ever be (needs a full "
                                      "restart).")},
        {u"ThreadsPerChild"_s, QT_TR_NOOP("Threads in each process: connections one process "
                                          "serves at once.")},
        {u"ServerLimit"_s, QT_TR_NOOP("The most processes Apache may ever run.")},
        {u"MaxRequestWorkers"_s,
         QT_TR_NOOP("Connections served at once: prefork's processes, or threads in all "
                    "processes. Beyond it, clients wait in the listen queue.")},
        {u"MaxConnectionsPerChild"_s,
         QT_TR_NOOP("Connections a process serves before it is replaced (0: never).")},
        {u"AsyncRequestWorkerFactor"_s,
         QT_TR_NOOP("event: how many idle kept-alive connections each idle thread may park "
                    "beside the busy ones.")},
        {u"ThreadStackSize"_s,
         QT_TR_NOOP("Bytes of stack per thread: what a memory limit counts for threads.")},
        {u"ListenBacklog"_s, QT_TR_NOOP("Connections the kernel queues while every worker is "
                                        "busy.")},
    };
    const auto found = meanings.constFind(name);
    return found == meanings.cend() ? QString() : tr(*found);
}

void DirectiveEditor::clearRows()
{
    for (const Row &row : std::as_const(m_rows)) {
        for (QWidget *widget : std::initializer_list<QWidget *>{row.name, row.field, row.used,
                                                                row.source, row.notes})
            delete widget;
    }
    m_rows.clear();
}

void DirectiveEditor::showReadings(const QList<DirectiveReading> &readings, MpmKind mpm)
{
    setUpdatesEnabled(false);
    clearRows();
    m_mpm = mpm;
    for (const DirectiveReading &reading : readings)
        addRow(reading);
    refreshRows();
    setUpdatesEnabled(true);
    Q_EMIT editsChanged();
}

void DirectiveEditor::addRow(const DirectiveReading &reading)
{
    Row row;
    row.reading = reading;
    row.name = new QLabel(reading.perMpm ? reading.name + u" •"_s : reading.name, this);
    row.name->setToolTip(meaning(reading.name));
    if (reading.name == u"KeepAlive") {
        auto *box = new QComboBox(this);
        box->addItems({u"On"_s, u"Off"_s});
        connect(box, &QComboBox::currentTextChanged, this, [this] {
            refreshRows();
            Q_EMIT editsChanged();
        });
        row.field = box;
    } else {
        auto *line = new QLineEdit(this);
        line->setMaximumWidth(90);
        line->setPlaceholderText(tr("the system's"));
        connect(line, &QLineEdit::textEdited, this, [this] {
            refreshRows();
            Q_EMIT editsChanged();
        });
        row.field = line;
    }
    row.field->setObjectName(reading.name);
    row.name->setBuddy(row.field);
    row.used = new QLabel(this);
    row.source = new QLabel(this);
    row.notes = new QLabel(this);
    row.notes->setWordWrap(true);
    row.notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int at = 1 + int(m_rows.size()) * 2; // after the headers
    m_grid->addWidget(row.name, at, NameColumn);
    m_grid->addWidget(row.field, at, FieldColumn);
    m_grid->addWidget(row.used, at, UsedColumn);
    m_grid->addWidget(row.source, at, SourceColumn);
    m_grid->addWidget(row.notes, at + 1, NameColumn, 1, 4);
    setFieldText(row, reading.value);
    m_rows << row;
}

QString DirectiveEditor::fieldText(const Row &row) const
{
    if (const auto *box = qobject_cast<const QComboBox *>(row.field))
        return box->currentText();
    return static_cast<const QLineEdit *>(row.field)->text().trimmed();
}

void DirectiveEditor::setFieldText(Row &row, const QString &text)
{
    if (auto *box = qobject_cast<QComboBox *>(row.field)) {
        const QSignalBlocker quiet(box);
        box->setCurrentText(text.isEmpty() ? u"On"_s : text);
    } else {
        static_cast<QLineEdit *>(row.field)->setText(text);
    }
}

QString DirectiveEditor::sourceOf(const DirectiveReading &reading) const
{
    using Source = DirectiveReading::Source;
    QString text;
    switch (reading.source) {
    case Source::CompiledDefault: text = tr("built-in"); break;
    case Source::Distribution: text = tr("Debian's default"); break;
    case Source::ServerConfig: text = QFileInfo(reading.file).fileName(); break;
    case Source::Managed: text = tr("MPM Lab"); break;
    }
    return text;
}

QString DirectiveEditor::perMpmNote(const DirectiveReading &reading) const
{
    QStringList perMpm;
    for (auto it = reading.managedPerMpm.cbegin(); it != reading.managedPerMpm.cend(); ++it)
        perMpm << u"%1 %2"_s.arg(mpmName(it.key()), it.value());
    if (perMpm.isEmpty() || (perMpm.size() == 1 && reading.managedPerMpm.contains(m_mpm)))
        return {};
    return tr("MPM Lab sets it per MPM: %1").arg(perMpm.join(u", "_s));
}

QString DirectiveEditor::sourceToolTip(const DirectiveReading &reading) const
{
    using Source = DirectiveReading::Source;
    QString where;
    switch (reading.source) {
    case Source::CompiledDefault:
        where = tr("No file sets it: Apache's compiled-in value for %1.").arg(mpmName(m_mpm));
        break;
    case Source::Distribution:
        where = tr("Debian's packaged value, in %1.").arg(reading.file);
        break;
    case Source::ServerConfig: where = tr("Set in %1.").arg(reading.file); break;
    case Source::Managed: where = tr("Set by MPM Lab, in %1.").arg(reading.file); break;
    }
    if (reading.perMpm)
        where += u' '
                 + tr("An MPM's own directive: this is %1's value; each MPM reads its own.")
                       .arg(mpmName(m_mpm));
    return where;
}

void DirectiveEditor::refreshRows()
{
    // The values Apache would read with the edits, and what it would do.
    DirectiveSet wanted;
    QMap<QString, QString> invalid;
    for (const Row &row : std::as_const(m_rows)) {
        const QString text = fieldText(row);
        if (text.isEmpty())
            continue;
        QString canonical;
        if (const Result<QString> valid = DirectiveSet::validate(row.reading.name, text, &canonical))
            wanted.set(*valid, canonical);
        else
            invalid.insert(row.reading.name, valid.error().message);
    }
    const QList<DirectiveSet::Adjustment> adjustments = wanted.adjustments(m_mpm);
    const QStringList edited = editedNames();
    for (Row &row : m_rows) {
        const QString &name = row.reading.name;
        const bool changed = edited.contains(name);
        QFont font = row.name->font();
        font.setBold(changed);
        row.name->setFont(font);
        // Without edits, the reading says it all, Apache's own lines
        // included; with edits, what Apache would do with them.
        QString used;
        QStringList warnings;
        if (edited.isEmpty()) {
            used = row.reading.usedValue;
            warnings = row.reading.warnings;
        } else {
            for (const DirectiveSet::Adjustment &adjustment : adjustments) {
                if (adjustment.name == name) {
                    used = adjustment.usedValue;
                    warnings << adjustment.reason;
                }
            }
        }
        if (invalid.contains(name))
            warnings = {invalid.value(name)};
        row.used->setText(used.isEmpty() ? QString() : tr("Apache uses %1").arg(used));
        colour(row.used, adjustedColour);
        row.source->setText(changed ? tr("edited (was %1)").arg(row.reading.value.isEmpty()
                                                                     ? tr("built-in")
                                                                     : row.reading.value)
                                    : sourceOf(row.reading));
        row.source->setToolTip(sourceToolTip(row.reading));
        QStringList notes = warnings;
        for (const QString &host : row.reading.virtualHosts)
            notes << tr("%1: this virtual host keeps its own value").arg(host);
        if (const QString perMpm = perMpmNote(row.reading); !perMpm.isEmpty())
            notes << perMpm;
        row.notes->setText(notes.join(u'\n'));
        colour(row.notes, invalid.contains(name) || !warnings.isEmpty()
                              ? warningColour
                              : palette().color(QPalette::PlaceholderText));
        row.notes->setVisible(!notes.isEmpty());
        row.field->setStyleSheet(invalid.contains(name) ? u"border: 2px solid #b71c1c;"_s
                                                        : QString());
    }
}

const DirectiveEditor::Row *DirectiveEditor::row(const QString &name) const
{
    for (const Row &row : m_rows) {
        if (row.reading.name == name)
            return &row;
    }
    return nullptr;
}

void DirectiveEditor::edit(const QString &name, const QString &value)
{
    for (Row &row : m_rows) {
        if (row.reading.name == name)
            setFieldText(row, value);
    }
    refreshRows();
    Q_EMIT editsChanged();
}

void DirectiveEditor::revert()
{
    for (Row &row : m_rows)
        setFieldText(row, row.reading.value);
    refreshRows();
    Q_EMIT editsChanged();
}

QStringList DirectiveEditor::editedNames() const
{
    QStringList names;
    for (const Row &row : m_rows) {
        const QString text = fieldText(row);
        QString canonical;
        const bool valid = DirectiveSet::validate(row.reading.name, text, &canonical).ok();
        const QString shown = valid ? canonical : text;
        if (shown != row.reading.value && !(text.isEmpty() && row.reading.source
                                                                  == DirectiveReading::Source::
                                                                      CompiledDefault))
            names << row.reading.name;
    }
    return names;
}

Result<DirectiveSet> DirectiveEditor::changes() const
{
    DirectiveSet set;
    for (const QString &name : editedNames()) {
        const Row *edited = row(name);
        QString canonical;
        const Result<QString> valid = DirectiveSet::validate(name, fieldText(*edited), &canonical);
        if (!valid)
            return valid.error();
        set.set(*valid, canonical);
    }
    return set;
}

QString DirectiveEditor::valueText(const QString &name) const
{
    const Row *found = row(name);
    return found ? fieldText(*found) : QString();
}

QString DirectiveEditor::usedText(const QString &name) const
{
    const Row *found = row(name);
    return found ? found->used->text() : QString();
}

QString DirectiveEditor::sourceText(const QString &name) const
{
    const Row *found = row(name);
    return found ? found->source->text() : QString();
}

QString DirectiveEditor::warningText(const QString &name) const
{
    const Row *found = row(name);
    return found ? found->notes->text() : QString();
}
