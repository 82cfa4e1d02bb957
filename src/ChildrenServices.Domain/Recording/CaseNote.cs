using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Recording;

public enum CaseNoteType
{
    Visit = 1,
    PhoneCall,
    Meeting,
    Observation,
    ManagementOversight,
    Other,
}

public static class CaseNoteTypes
{
    public static string Describe(this CaseNoteType type) => type switch
    {
        CaseNoteType.Visit => "Visit",
        CaseNoteType.PhoneCall => "Phone call",
        CaseNoteType.Meeting => "Meeting",
        CaseNoteType.Observation => "Observation",
        CaseNoteType.ManagementOversight => "Management oversight",
        _ => "Other",
    };
}

/// <summary>
/// A case note about one child: what happened, when it happened (not only when it was typed), who
/// was seen, and whether it is significant enough for the chronology. Notes are append-only: what
/// was written stays as written, and a correction or later thought is an addendum with its own
/// author and time (ADR 0010) — a chronology read in court must show what was known when.
/// </summary>
public sealed class CaseNote : Aggregate
{
    public const int TitleLimit = 200;
    public const int TextLimit = 50_000;
    public const int WhoWasSeenLimit = 500;
    public const int AddendumLimit = 10_000;

    private readonly List<NoteAddendum> addenda = [];

    private CaseNote()
    {
        Title = string.Empty;
        Text = string.Empty;
    }

    public CaseNote(
        Guid childId,
        CaseNoteType type,
        DateOnly occurredOn,
        TimeOnly? occurredAt,
        string title,
        string text,
        string? whoWasSeen,
        bool childSeen,
        bool childSeenAlone,
        bool significant,
        Guid recordedById,
        DateTime recordedAtUtc,
        DateOnly today)
    {
        if (occurredOn > today)
        {
            throw new DomainRuleException("The date it happened must be today or in the past", nameof(OccurredOn));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Enter a title", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Enter the note", nameof(Text));
        }

        if (title.Trim().Length > TitleLimit)
        {
            throw new DomainRuleException($"The title must be {TitleLimit} characters or fewer", nameof(Title));
        }

        if (text.Length > TextLimit)
        {
            throw new DomainRuleException($"The note must be {TextLimit:N0} characters or fewer", nameof(Text));
        }

        if (childSeenAlone && !childSeen)
        {
            throw new DomainRuleException("A child seen alone was seen: select 'The child was seen' as well", nameof(ChildSeen));
        }

        ChildId = childId;
        Type = type;
        OccurredOn = occurredOn;
        OccurredAt = occurredAt;
        Title = title.Trim();
        Text = text.TrimEnd();
        WhoWasSeen = string.IsNullOrWhiteSpace(whoWasSeen) ? null : whoWasSeen.Trim();
        ChildSeen = childSeen;
        ChildSeenAlone = childSeenAlone;
        Significant = significant;
        RecordedById = recordedById;
        RecordedAtUtc = recordedAtUtc;
    }

    /// <summary>The child the note is about. The family is derived: the children in the child's household.</summary>
    public Guid ChildId { get; private init; }

    public CaseNoteType Type { get; private init; }

    public DateOnly OccurredOn { get; private init; }

    public TimeOnly? OccurredAt { get; private init; }

    public string Title { get; private init; }

    public string Text { get; private init; }

    public string? WhoWasSeen { get; private init; }

    public bool ChildSeen { get; private init; }

    public bool ChildSeenAlone { get; private init; }

    public bool Significant { get; private init; }

    public Guid RecordedById { get; private init; }

    public DateTime RecordedAtUtc { get; private init; }

    public IReadOnlyList<NoteAddendum> Addenda => addenda;

    /// <summary>A correction or later information: added beneath the note, never replacing it.</summary>
    public NoteAddendum AddAddendum(string text, Guid recordedById, DateTime recordedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException("Enter the addendum", "Text");
        }

        if (text.Length > AddendumLimit)
        {
            throw new DomainRuleException($"The addendum must be {AddendumLimit:N0} characters or fewer", "Text");
        }

        var addendum = new NoteAddendum(Id, text.TrimEnd(), recordedById, recordedAtUtc);
        addenda.Add(addendum);
        return addendum;
    }
}

/// <summary>Text added to a case note after it was saved, by whom and when.</summary>
public sealed class NoteAddendum : IPartOf<CaseNote>
{
    private NoteAddendum()
    {
        Text = string.Empty;
    }

    internal NoteAddendum(Guid caseNoteId, string text, Guid recordedById, DateTime recordedAtUtc)
    {
        CaseNoteId = caseNoteId;
        Text = text;
        RecordedById = recordedById;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CaseNoteId { get; private init; }

    Guid IPartOf.RootId => CaseNoteId;

    public string Text { get; private init; }

    public Guid RecordedById { get; private init; }

    public DateTime RecordedAtUtc { get; private init; }
}
