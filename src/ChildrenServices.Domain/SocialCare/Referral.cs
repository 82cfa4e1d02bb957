using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

public enum ReferralStatus
{
    Open = 1,

    /// <summary>The front-door decision that made it was corrected before any work started.</summary>
    Withdrawn = 2,
    Closed = 3,
}

/// <summary>
/// A referral to children's social care for one child: the start of an episode of need (the CIN
/// census "CINdetails"). It carries what the census needs without re-keying — date, source, primary
/// need, whether it is a re-referral — and the assessment due date, 45 working days from the referral.
/// </summary>
public sealed class Referral : Aggregate
{
    public const int AssessmentWorkingDays = 45;

    /// <summary>CIN census rule 8815: a child has at most one open episode of need.</summary>
    public const string OneOpenPerChild = "The child already has an open referral: decide again, and the contact will join that referral";

    /// <summary>The DfE reasons for closure a referral ended with no further action may take: RC8 and RC9 say "after assessment" (8825Q queries them with none).</summary>
    public static readonly IReadOnlyList<string> NoFurtherActionClosureCodes = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7"];

    public const int TextLimit = 10_000;

    private readonly List<PrimaryNeedRevision> primaryNeedRevisions = [];

    private Referral()
    {
        SourceCode = string.Empty;
        PrimaryNeedCode = string.Empty;
        FirstPrimaryNeedCode = string.Empty;
    }

    public Referral(Guid childId, Guid? contactId, DateOnly referralDate, string sourceCode, string primaryNeedCode, Guid teamId, bool immediateStrategyDiscussion, Referral? previous, WorkingDayCalendar calendar)
    {
        ChildId = childId;
        ContactId = contactId;
        ReferralDate = referralDate;
        SourceCode = sourceCode;
        PrimaryNeedCode = primaryNeedCode;
        FirstPrimaryNeedCode = primaryNeedCode;
        TeamId = teamId;
        ImmediateStrategyDiscussion = immediateStrategyDiscussion;
        AssessmentDueOn = calendar.AddWorkingDays(referralDate, AssessmentWorkingDays);
        if (previous is not null && IsReReferralAfter(referralDate, previous.ReferralDate))
        {
            IsReReferral = true;
            PreviousReferralId = previous.Id;
        }
    }

    public Guid ChildId { get; private init; }

    public Guid? ContactId { get; private init; }

    public DateOnly ReferralDate { get; private set; }

    /// <summary>DfE referral source (1A … 10).</summary>
    public string SourceCode { get; private init; }

    /// <summary>DfE primary need (N0 … N9) as it stands: the front door's choice until the assessment's authorisation revises it.</summary>
    public string PrimaryNeedCode { get; private set; }

    /// <summary>The primary need given when the episode opened (the front door's choice); it never changes.</summary>
    public string FirstPrimaryNeedCode { get; private init; }

    /// <summary>Each revision of the primary need, oldest first.</summary>
    public IReadOnlyList<PrimaryNeedRevision> PrimaryNeedRevisions => primaryNeedRevisions;

    /// <summary>
    /// The referral ended with no further action before any assessment (the CIN census's ReferralNFA): a manager's
    /// decision, with its rationale. Nothing statutory is recorded on it afterwards (CIN rule 8831).
    /// </summary>
    public bool NoFurtherAction { get; private set; }

    public string? NoFurtherActionRationale { get; private set; }

    public Guid? NoFurtherActionById { get; private set; }

    /// <summary>The team it is routed to (the assessment team).</summary>
    public Guid TeamId { get; private set; }

    /// <summary>Significant harm suspected: a strategy discussion is needed now, before anything else.</summary>
    public bool ImmediateStrategyDiscussion { get; private init; }

    public bool IsReReferral { get; private set; }

    public Guid? PreviousReferralId { get; private set; }

    public DateOnly AssessmentDueOn { get; private set; }

    public ReferralStatus Status { get; private set; } = ReferralStatus.Open;

    public string? WithdrawnReason { get; private set; }

    /// <summary>The CIN episode's closure date (the census's CINclosureDate).</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>DfE reason for closure (RC1 … RC9).</summary>
    public string? ClosureReasonCode { get; private set; }

    /// <summary>
    /// The DfE definition: a referral within 12 months of a previous referral. Twelve months back from
    /// 24 November 2026 is 24 November 2025, which counts; 23 November 2025 does not.
    /// </summary>
    public static bool IsReReferralAfter(DateOnly referralDate, DateOnly previousReferralDate) =>
        previousReferralDate <= referralDate && previousReferralDate >= referralDate.AddYears(-1);

    /// <summary>The case has transferred: the receiving team now holds the referral.</summary>
    public void TransferTo(Guid teamId) => TeamId = teamId;

    public void Close(DateOnly on, string reasonCode)
    {
        if (Status != ReferralStatus.Open)
        {
            throw new DomainRuleException("Only open involvement can be closed", "Status");
        }

        if (on < ReferralDate)
        {
            throw new DomainRuleException("The closure date cannot be before the referral date", "ClosedOn");
        }

        Status = ReferralStatus.Closed;
        ClosedOn = on;
        ClosureReasonCode = reasonCode;
    }

    /// <summary>
    /// CIN census rule 8565 (activity shown after a case has been closed): nothing statutory is recorded on a
    /// referral that has closed or been withdrawn.
    /// </summary>
    public void EnsureOpen(string what, string field)
    {
        if (Status != ReferralStatus.Open)
        {
            throw new DomainRuleException($"The referral is {(Status == ReferralStatus.Withdrawn ? "withdrawn" : "closed")}, so {what}", field);
        }
    }

    /// <summary>
    /// A manager ends the referral with no further action before anything statutory was recorded on it (CIN rules
    /// 8831, 4000 and 8832: no assessment, section 47 enquiry, conference or plan on a referral marked NFA).
    /// </summary>
    public void EndWithNoFurtherAction(DateOnly on, string reasonCode, string rationale, Guid managerId, RecordedOnReferral recorded, DateOnly today)
    {
        EnsureOpen("it cannot be ended with no further action", "ClosedOn");
        if (recorded.Any)
        {
            throw new DomainRuleException(
                $"The referral already has {recorded.Describe()} recorded on it, so it did not end with no further action: close the case instead", "ClosedOn");
        }

        if (on > today)
        {
            throw new DomainRuleException("The date the referral ended must be today or in the past", "ClosedOn");
        }

        if (!NoFurtherActionClosureCodes.Contains(reasonCode))
        {
            throw new DomainRuleException("Select a reason for closure that does not say the case was assessed", "ReasonCode");
        }

        Close(on, reasonCode);
        NoFurtherAction = true;
        NoFurtherActionRationale = rationale;
        NoFurtherActionById = managerId;
    }

    /// <summary>
    /// The primary need is revised when the assessment is authorised, if the assessment found a different main
    /// need; the front door's choice stays as the first one, and each revision is kept.
    /// </summary>
    /// <summary>
    /// The primary need as it stood at the end of <paramref name="date"/> (the CIN census reads it as at 31 March): the
    /// code a revision made after that day replaced, else the code now.
    /// </summary>
    public static string PrimaryNeedOn(DateOnly date, string currentCode, IEnumerable<(DateOnly RevisedOn, string FromCode)> revisions) =>
        revisions.Where(r => r.RevisedOn > date).OrderBy(r => r.RevisedOn).Select(r => r.FromCode).FirstOrDefault() ?? currentCode;

    public void RevisePrimaryNeed(string code, DateOnly on, Guid revisedById, Guid? assessmentId)
    {
        EnsureOpen("its primary need cannot be revised", "PrimaryNeedCode");
        if (code == PrimaryNeedCode)
        {
            return;
        }

        primaryNeedRevisions.Add(new PrimaryNeedRevision(Id, PrimaryNeedCode, code, on, revisedById, assessmentId));
        PrimaryNeedCode = code;
    }

    /// <summary>
    /// Corrects a referral date recorded wrongly: not in the future, not before the contact that made it, not after anything already recorded on the referral
    /// (the assessment, a strategy discussion, a plan: CIN rules 1103, 2889, 1104, 1105), not after its closure, and not
    /// inside the child's previous episode of need. The assessment's due date (45 working days) and whether it is a
    /// re-referral are worked out again from the corrected date. Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectReferralDate(DateOnly referralDate, DateOnly? earliestRecorded, Referral? previous, WorkingDayCalendar calendar, DateOnly today, DateOnly? contactReceivedOn = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (referralDate == ReferralDate)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (referralDate > today)
        {
            throw new DomainRuleException("The referral date must be today or in the past", "HeldOn");
        }

        if (contactReceivedOn is { } received && referralDate < received)
        {
            throw new DomainRuleException($"The contact that made this referral was received on {received:d MMMM yyyy}: the referral cannot be before it", "HeldOn");
        }

        if (earliestRecorded is { } first && referralDate > first)
        {
            throw new DomainRuleException($"Work on this referral is recorded from {first:d MMMM yyyy}: the referral date cannot be after it", "HeldOn");
        }

        if (ClosedOn is { } closed && referralDate > closed)
        {
            throw new DomainRuleException($"The referral closed on {closed:d MMMM yyyy}: its date cannot be after that", "HeldOn");
        }

        if (previous is { } before && (referralDate < before.ReferralDate || (before.ClosedOn is { } previousClosed && referralDate < previousClosed)))
        {
            throw new DomainRuleException($"The child's previous referral ran from {before.ReferralDate:d MMMM yyyy}{(before.ClosedOn is { } c ? $" to {c:d MMMM yyyy}" : string.Empty)}: episodes of need cannot overlap", "HeldOn");
        }

        var old = ReferralDate;
        ReferralDate = referralDate;
        AssessmentDueOn = calendar.AddWorkingDays(referralDate, AssessmentWorkingDays);
        IsReReferral = previous is not null && IsReReferralAfter(referralDate, previous.ReferralDate);
        PreviousReferralId = IsReReferral ? previous!.Id : null;
        return old;
    }

    public void Withdraw(string reason)
    {
        if (Status != ReferralStatus.Open)
        {
            throw new DomainRuleException("Only an open referral can be withdrawn", "Status");
        }

        Status = ReferralStatus.Withdrawn;
        WithdrawnReason = reason;
    }
}

/// <summary>What is already recorded on a referral: any of it means the referral led to further action.</summary>
public sealed record RecordedOnReferral(int Assessments, int Section47Enquiries, int ChildInNeedPlans, int ChildProtectionPlans)
{
    public bool Any => Assessments + Section47Enquiries + ChildInNeedPlans + ChildProtectionPlans > 0;

    public string Describe()
    {
        var parts = new List<string>();
        if (Assessments > 0)
        {
            parts.Add("an assessment");
        }

        if (Section47Enquiries > 0)
        {
            parts.Add("a strategy discussion or section 47 enquiry");
        }

        if (ChildInNeedPlans > 0)
        {
            parts.Add("a child in need plan");
        }

        if (ChildProtectionPlans > 0)
        {
            parts.Add("a child protection plan");
        }

        return parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }
}

/// <summary>A change to a referral's primary need, made when its assessment was authorised.</summary>
public sealed class PrimaryNeedRevision : IPartOf<Referral>
{
    private PrimaryNeedRevision()
    {
        FromCode = string.Empty;
        ToCode = string.Empty;
    }

    internal PrimaryNeedRevision(Guid referralId, string fromCode, string toCode, DateOnly revisedOn, Guid revisedById, Guid? assessmentId)
    {
        ReferralId = referralId;
        FromCode = fromCode;
        ToCode = toCode;
        RevisedOn = revisedOn;
        RevisedById = revisedById;
        AssessmentId = assessmentId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid ReferralId { get; private init; }

    Guid IPartOf.RootId => ReferralId;

    public string FromCode { get; private init; }

    public string ToCode { get; private init; }

    public DateOnly RevisedOn { get; private init; }

    public Guid RevisedById { get; private init; }

    public Guid? AssessmentId { get; private init; }
}
