namespace ChildrenServices.Domain.Audit;

/// <summary>
/// Who did what, when, to which record. Append-only: the persistence layer refuses to update or
/// delete a row. It names the action and the subject's id, never the content of the record.
/// Standalone (<see cref="Common.IStandaloneRecord"/>): append-only, so there is no second writer to refuse.
/// </summary>
public sealed class AuditEntry : Common.IStandaloneRecord
{
    private AuditEntry()
    {
        Action = string.Empty;
    }

    public AuditEntry(DateTime occurredAtUtc, Guid? userId, string action, Guid? personId, string? correlationId)
    {
        OccurredAtUtc = occurredAtUtc;
        UserId = userId;
        Action = action;
        PersonId = personId;
        CorrelationId = correlationId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public DateTime OccurredAtUtc { get; private init; }

    public Guid? UserId { get; private init; }

    /// <summary>The use case, e.g. "ViewChildRecord" or "UpdatePersonDetails".</summary>
    public string Action { get; private init; }

    public Guid? PersonId { get; private init; }

    /// <summary>
    /// For an administrative change (users, roles, teams, settings, timescales): what changed, before and after, as JSON.
    /// Never set for casework.
    /// </summary>
    public string? Changes { get; private set; }

    public void KeepChanges(string changes) => Changes = changes;

    public string? CorrelationId { get; private init; }
}
