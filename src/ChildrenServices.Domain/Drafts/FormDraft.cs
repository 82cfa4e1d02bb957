namespace ChildrenServices.Domain.Drafts;

/// <summary>What a draft is about, for record access: the child, the contact, the early help episode or the approval request.</summary>
public enum DraftScope
{
    Person = 1,
    Contact,
    Episode,
    Approval,
}

/// <summary>
/// A long practitioner form (a case note, an assessment, a plan, a review, a decision) as it is being
/// typed, saved on the server every few seconds so a followed link, a session timeout, a closed tab or a
/// crashed laptop loses nothing. One per user per form per subject, replaced on every save. Only its
/// author ever reads it; sending the form deletes it (ADR 0010).
/// Standalone (<see cref="Common.IStandaloneRecord"/>): only its author writes it, and a draft is never part of the record it is about.
/// </summary>
public sealed class FormDraft : Common.IStandaloneRecord
{
    /// <summary>The longest form kind (the page's path, for example "/People/Assessment/Edit").</summary>
    public const int FormLimit = 200;

    /// <summary>Room for a full case note or assessment and its other fields, JSON-escaped.</summary>
    public const int FieldsLimit = 400_000;

    private FormDraft()
    {
        Form = string.Empty;
        Fields = "{}";
    }

    public FormDraft(Guid userId, string form, Guid subjectId, DraftScope scope, Guid scopeId, string fields, DateTime nowUtc)
    {
        UserId = userId;
        Form = form;
        SubjectId = subjectId;
        Scope = scope;
        ScopeId = scopeId;
        Fields = fields;
        UpdatedAtUtc = nowUtc;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The author: the only person who ever reads it.</summary>
    public Guid UserId { get; private init; }

    /// <summary>Which form: the page's path.</summary>
    public string Form { get; private init; }

    /// <summary>What the form is about (the child, the episode, the contact, the goal or the approval request).</summary>
    public Guid SubjectId { get; private init; }

    public DraftScope Scope { get; private set; }

    /// <summary>The child, contact, episode or approval request whose record access governs the draft.</summary>
    public Guid ScopeId { get; private set; }

    /// <summary>Every field of the form as typed (name to values), as JSON; the application owns the shape.</summary>
    public string Fields { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Save(DraftScope scope, Guid scopeId, string fields, DateTime nowUtc)
    {
        Scope = scope;
        ScopeId = scopeId;
        Fields = fields;
        UpdatedAtUtc = nowUtc;
    }
}
