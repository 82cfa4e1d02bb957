namespace ChildrenServices.Domain.FrontDoor;

/// <summary>
/// A public online request being filled in, one page at a time, before it is sent. Held server-side
/// (the browser only carries the draft's random id in a cookie) so nothing typed is lost between
/// pages or on a validation error, and nothing personal sits in the browser. Expires after a day.
/// Standalone (<see cref="Common.IStandaloneRecord"/>): one anonymous requester writes it; sending it makes a <see cref="Contact"/>.
/// </summary>
public sealed class OnlineRequestDraft : Common.IStandaloneRecord
{
    private OnlineRequestDraft()
    {
        Answers = "{}";
    }

    public OnlineRequestDraft(DateTime nowUtc, TimeSpan lifetime)
    {
        Answers = "{}";
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + lifetime;
    }

    /// <summary>Random (not time-ordered): it is the only secret between the browser and its draft.</summary>
    public Guid Id { get; private init; } = Guid.NewGuid();

    /// <summary>The answers so far, as JSON; the web layer owns their shape.</summary>
    public string Answers { get; private set; }

    public DateTime CreatedAtUtc { get; private init; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private init; }

    public void Save(string answers, DateTime nowUtc)
    {
        Answers = answers;
        UpdatedAtUtc = nowUtc;
    }
}
