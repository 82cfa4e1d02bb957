namespace ChildrenServices.Domain.Recording;

/// <summary>
/// A case note being typed, saved on the server every few seconds: one per worker per child, so a
/// session timeout, a closed tab or a crashed laptop loses nothing. Only its author ever reads it;
/// saving the note deletes it (ADR 0010).
/// </summary>
public sealed class NoteDraft
{
    private NoteDraft()
    {
        Fields = "{}";
    }

    public NoteDraft(Guid userId, Guid childId, string fields, DateTime nowUtc)
    {
        UserId = userId;
        ChildId = childId;
        Fields = fields;
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid UserId { get; private init; }

    public Guid ChildId { get; private init; }

    /// <summary>Every field of the form as typed, as JSON; the application owns the shape.</summary>
    public string Fields { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Save(string fields, DateTime nowUtc)
    {
        Fields = fields;
        UpdatedAtUtc = nowUtc;
    }
}
