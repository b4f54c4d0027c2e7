#pragma once

#include "apache/DirectiveReading.h"
#include "apache/DirectiveSet.h"
#include "apache/MpmKind.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QWidget;

// The directives that matter, one row each: its value as Apache reads it
// (editable), the value Apache will really use when it lowers or raises it,
// where the value comes from (Debian's default, the server's own file,
// MPM Lab's managed file, a built-in default), what MPM Lab set for each
// MPM, the virtual hosts that keep their own, and the warnings that
// concern it, beside it. An edit is checked as `server set` checks it, and
// what Apache would do with the edited values shows before anything is
// applied.
class DirectiveEditor : public QWidget {
    Q_OBJECT

public:
    explicit DirectiveEditor(QWidget *parent = nullptr);

    // The readings for a server configured with `mpm`; edits are dropped.
    void showReadings(const QList<mpmlab::DirectiveReading> &readings, mpmlab::MpmKind mpm);

    // Sets the field of `name` as a user would type it.
    void edit(const QString &name, const QString &value);
    void revert();
    // The edited values that differ from the readings (valid or not).
    [[nodiscard]] QStringList editedNames() const;
    // The edits as changes, when every one is valid; else the first error.
    [[nodiscard]] mpmlab::Result<mpmlab::DirectiveSet> changes() const;

    // What a row shows, for tests and for the panel's summary.
    [[nodiscard]] QString valueText(const QString &name) const;  // the field
    [[nodiscard]] QString usedText(const QString &name) const;   // "Apache uses …"
    [[nodiscard]] QString sourceText(const QString &name) const; // where it comes from
    [[nodiscard]] QString warningText(const QString &name) const; // notes under the row

Q_SIGNALS:
    // An edit changed what changes() says.
    void editsChanged();

private:
    struct Row {
        mpmlab::DirectiveReading reading;
        QLabel *name = nullptr;
        QWidget *field = nullptr; // a QComboBox (On/Off) or a QLineEdit
        QLabel *used = nullptr;
        QLabel *source = nullptr;
        QLabel *notes = nullptr; // warnings and virtual hosts, under the row
    };

    [[nodiscard]] QString fieldText(const Row &row) const;
    void setFieldText(Row &row, const QString &text);
    void addRow(const mpmlab::DirectiveReading &reading);
    void clearRows();
    // Updates every row from the edits: validity, what Apache would use, warnings.
    void refreshRows();
    [[nodiscard]] const Row *row(const QString &name) const;
    [[nodiscard]] QString sourceOf(const mpmlab::DirectiveReading &reading) const;
    [[nodiscard]] QString sourceToolTip(const mpmlab::DirectiveReading &reading) const;
    // "MPM Lab sets it per MPM: prefork 50, event 170", or nothing.
    [[nodiscard]] QString perMpmNote(const mpmlab::DirectiveReading &reading) const;
    [[nodiscard]] static QString meaning(const QString &name);

    QGridLayout *m_grid;
    QList<Row> m_rows;
    mpmlab::MpmKind m_mpm = mpmlab::MpmKind::Event;
};
