using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

/// <summary>
/// Two records of the same person made one: everything recorded on the merged record was moved to the
/// survivor, and the merged record became a tombstone. Each moved row is listed, so an undo within the
/// set period puts exactly those rows back and nothing recorded on the survivor since.
/// </summary>
public sealed class PersonMerge : Aggregate
{
    private readonly List<MergeMovedRow> movedRows = [];

    private PersonMerge()
    {
        MergedByName = string.Empty;
    }

    public PersonMerge(Guid survivorId, Guid mergedId, DateTime mergedAtUtc, Guid mergedById, string mergedByName)
    {
        if (survivorId == mergedId)
        {
            throw new DomainRuleException("Select two different records to merge", "MergedId");
        }

        SurvivorId = survivorId;
        MergedId = mergedId;
        MergedAtUtc = mergedAtUtc;
        MergedById = mergedById;
        MergedByName = mergedByName;
    }

    public Guid SurvivorId { get; private set; }

    public Guid MergedId { get; private set; }

    public DateTime MergedAtUtc { get; private set; }

    public Guid MergedById { get; private set; }

    public string MergedByName { get; private set; }

    public DateTime? UndoneAtUtc { get; private set; }

    public Guid? UndoneById { get; private set; }

    public string? UndoneByName { get; private set; }

    public bool IsUndone => UndoneAtUtc is not null;

    public IReadOnlyList<MergeMovedRow> MovedRows => movedRows;

    /// <summary>The last moment the merge can be undone, given the period the service allows.</summary>
    public DateTime UndoableUntilUtc(int undoPeriodDays) => MergedAtUtc.AddDays(undoPeriodDays);

    public bool CanUndo(DateTime nowUtc, int undoPeriodDays) => !IsUndone && nowUtc <= UndoableUntilUtc(undoPeriodDays);

    public void RecordMove(string table, string column, string keyJson, MergeMoveKind kind) =>
        movedRows.Add(new MergeMovedRow(Id, table, column, keyJson, kind));

    public void Undo(DateTime nowUtc, int undoPeriodDays, Guid userId, string userName)
    {
        if (IsUndone)
        {
            throw new DomainRuleException("This merge has already been undone", "MergeId");
        }

        if (nowUtc > UndoableUntilUtc(undoPeriodDays))
        {
            throw new DomainRuleException(
                $"This merge can no longer be undone: merges can be undone for {undoPeriodDays} days", "MergeId");
        }

        UndoneAtUtc = nowUtc;
        UndoneById = userId;
        UndoneByName = userName;
    }
}

public enum MergeMoveKind
{
    /// <summary>The row's reference to the person was changed from the merged record to the survivor.</summary>
    Moved = 0,

    /// <summary>The merged record's current name, moved to the survivor as a previous name.</summary>
    CurrentNameKeptAsPrevious = 1,
}

/// <summary>One row whose reference to the merged person was changed to the survivor.</summary>
public sealed class MergeMovedRow : IPartOf<PersonMerge>
{
    private MergeMovedRow()
    {
        Table = string.Empty;
        Column = string.Empty;
        KeyJson = string.Empty;
    }

    internal MergeMovedRow(Guid mergeId, string table, string column, string keyJson, MergeMoveKind kind)
    {
        MergeId = mergeId;
        Table = table;
        Column = column;
        KeyJson = keyJson;
        Kind = kind;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid MergeId { get; private init; }

    Guid IPartOf.RootId => MergeId;

    /// <summary>The entity type's name in the model (not a table name, so it survives a provider change).</summary>
    public string Table { get; private init; }

    /// <summary>The property that pointed at the merged person.</summary>
    public string Column { get; private init; }

    /// <summary>The row's primary key before the move, as JSON: property name to value.</summary>
    public string KeyJson { get; private init; }

    public MergeMoveKind Kind { get; private init; }
}
