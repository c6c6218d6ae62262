#pragma once

#include "models/pendingrow.h"
#include "storage/db/changefailure.h"
#include "storage/db/workspacekind.h"
#include "storage/result.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <optional>

class QUndoStack;

namespace mcphub {

// Pending edits over one workspace table: rows are loaded, edited, added and marked for
// deletion in memory, with undo/redo on a QUndoStack, until apply() hands every change to the
// writer, which writes them in one transaction (through the repositories, with their audit
// rows) or not at all. After a failed apply the edits stay pending and the failing cell is
// marked. Subclasses give the columns, the loader, the writer and the validation rules.
class PendingTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Text, Bool, DateTime, Secret };
    struct Column
    {
        QString field; // key in the row's QVariantMap
        QString title;
        Kind kind = Kind::Text;
        bool editable = true;
        bool editableWhenAdded = true; // e.g. a username that cannot be renamed later
    };
    enum Role {
        StateRole = Qt::UserRole, // PendingRow::State as int
        ProblemRole,              // translated problem of the cell, empty when fine
        RowKeyRole,
        RawValueRole, // the value itself, unmasked (secrets, dates)
    };

    using Loader = std::function<Result<QList<QVariantMap>>()>;
    using Writer = std::function<std::optional<ChangeFailure>(const QList<PendingChange> &)>;

    explicit PendingTableModel(QObject *parent = nullptr);

    // --- configuration, by the subclass
    // What the workspace stores of `entity` (WorkspaceCapabilities), before setColumns():
    // columns of fields this kind does not store are left out and edits to those fields
    // refused; a field MCPHub never reads is titled as console-only, with the reason.
    void setStorage(WorkspaceKind kind, const QString &entity);
    void setColumns(const QList<Column> &columns);
    void setLoader(Loader loader) { m_loader = std::move(loader); }
    void setWriter(Writer writer) { m_writer = std::move(writer); }
    void setLabelField(const QString &field) { m_labelField = field; }
    QString labelField() const { return m_labelField; }
    // The title of a field that is not a column (shown in problems and undo texts).
    void setFieldTitle(const QString &field, const QString &title)
    {
        m_titles.insert(field, title);
    }
    QString fieldTitle(const QString &field) const;
    // False for a declared field the workspace does not store (see setStorage()).
    bool isFieldStored(const QString &field) const;

    // --- state
    Result<void> reload(); // drops pending edits
    // Issue 16: another console committed a change to this table. Reads it again and keeps
    // every pending edit: a row without edits takes the stored values (new rows appear,
    // deleted ones go); a row with edits whose stored values changed meanwhile keeps the
    // edits and gets a conflict marker (hasConflict(), a problem on its label that does not
    // block: Apply itself refuses such a row, rowChangedMeanwhile). Reverting a row with a
    // conflict takes the newer stored values. Returns how many rows got a conflict.
    Result<int> mergeFromStore();
    bool hasConflict(int row) const;
    void setReadOnly(bool readOnly);
    // What the administrator should know after every successful Apply (translated; empty for
    // none): MCPHub's database, where a running hub does not see every change by itself.
    void setAppliedNote(const QString &note) { m_appliedNote = note; }
    QString appliedNote() const { return m_appliedNote; }
    bool isReadOnly() const { return m_readOnly; }
    int pendingCount() const;
    QUndoStack *undoStack() const { return m_undo; }

    int fieldIndex(const QString &field) const; // column of a field, -1 when not a column
    QString fieldAt(int column) const { return m_columns.value(column).field; }
    QVariant value(int row, const QString &field) const;
    QVariantMap rowValues(int row) const;
    PendingRow::State rowState(int row) const;
    QString rowLabel(int row) const;
    int rowOfKey(int key) const;

    // --- edits (each one undoable); false when read-only or out of range
    bool
    setValue(int row, const QString &field, const QVariant &value, const QString &undoText = {});
    bool setValues(int row, const QVariantMap &values, const QString &undoText);
    // Like setValue, but consecutive calls for the same row and field are one undo step
    // (a detail panel that writes on every keystroke).
    bool typeValue(int row, const QString &field, const QVariant &value);
    int addRow(const QVariantMap &values); // returns the new row, -1 when read-only
    bool markDeleted(int row);             // an added row disappears, others are struck out
    bool revertRow(int row);
    void revertAll(); // not undoable: the undo history is cleared

    // Problems of a row by field (validation as you type, plus the last failed apply's), and
    // the stored row's findings (kRowFindings) on the fields without a problem.
    QHash<QString, QString> problems(int row) const;
    // The stored row's findings by field: a finding about a column that is no field of the
    // model is on the label field. They never stop Apply.
    QHash<QString, QString> findings(int row) const;
    // The first problem of any edited row, "row label: field: problem"; empty when none
    // (findings of stored rows are not problems).
    QString firstProblem() const;

    // Writes every pending change in one transaction and reloads; on failure nothing is
    // written, the edits stay pending, the cell is marked and the error names row and field.
    Result<void> apply();
    // apply() in its two phases, for writing several models in one transaction (PendingBatch):
    // writePending() checks the edits and hands them to the writer, without reloading, so
    // that they stay pending if the surrounding transaction is rolled back; finishApply()
    // reloads and announces them (applied) once that transaction committed.
    Result<QList<PendingChange>> writePending();
    Result<void> finishApply(const QList<PendingChange> &changes);

    // What apply() would write, for a preview: each added, changed or deleted row with the
    // fields that change, old and new as the pages show them (secrets masked; a JSON object's
    // secret-looking keys masked as the key-value editors mask them; long values shortened).
    struct FieldPreview
    {
        QString field;
        QString title;
        QString before;
        QString after;
    };
    struct RowPreview
    {
        QString label;
        PendingChange::Kind kind = PendingChange::Kind::Update;
        QList<FieldPreview> fields;
    };
    QList<RowPreview> changePreview() const;
    // What apply() would write now: every added, changed and deleted row.
    QList<PendingChange> pendingChanges() const;

    // Called by PendingEditCommand only.
    void putRow(int key, int position, const std::optional<PendingRow> &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void pendingCountChanged(int count);
    void readOnlyChanged(bool readOnly);
    void rowValuesChanged(int row); // any field, including those that are not columns
    // After apply() committed `changes` (and reloaded, successfully or not).
    void applied(const QList<mcphub::PendingChange> &changes);

protected:
    // Validation rules of one row (field -> translated problem); the default has none.
    virtual QHash<QString, QString> validate(int row) const;
    // Whether `row` is a stored row with a finding about `column` (kRowFindings) and none of
    // `fields` (those read from that column) edited: its rules about them then do not apply,
    // since Apply leaves the stored value as it is.
    bool storedAsIs(int row, const QString &column, const QStringList &fields) const;
    // A column's display text for a value (bool/date/secret formatting by default).
    virtual QString displayText(const Column &column, const QVariant &value) const;
    // A value as changePreview() shows it (masked when secret).
    QString previewText(const QString &field, const QVariant &value) const;
    const QList<PendingRow> &rows() const { return m_rows; }

private:
    void
    pushRow(int row, const PendingRow &after, const QString &text, const QString &mergeField = {});
    void notifyPending();
    QHash<QString, QString> blockingProblems(int row) const; // validation and the last apply's
    // The row's findings about fields that are no column (and the label's): shown on the
    // label column, so the table marks every row with a finding.
    QString findingsOffColumns(int row) const;

    QList<Column> m_columns;
    WorkspaceKind m_kind = WorkspaceKind::ConsoleDatabase;
    QString m_entity;                   // empty: every field is stored
    QHash<QString, QString> m_toolTips; // field -> what MCPHub does with it
    QList<PendingRow> m_rows;
    Loader m_loader;
    Writer m_writer;
    QString m_labelField;
    QHash<QString, QString> m_titles;
    QUndoStack *m_undo;
    bool m_readOnly = false;
    QString m_appliedNote;
    int m_nextKey = 1;
    int m_lastPending = 0;
    QHash<int, QHash<QString, QString>> m_applyProblems; // row key -> field -> problem
    QHash<int, QVariantMap> m_conflicts; // row key -> the newer stored values (mergeFromStore)
};

} // namespace mcphub
