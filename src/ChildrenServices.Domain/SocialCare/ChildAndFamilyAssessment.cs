using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>What the assessment concluded should happen next.</summary>
public enum AssessmentOutcome
{
    /// <summary>The referral closes RC8: closed after assessment, no further action.</summary>
    NoFurtherAction = 1,

    /// <summary>A step-down to early help starts (the referral closes RC9 when it is approved).</summary>
    EarlyHelp = 2,

    ChildInNeedPlan = 3,

    StrategyDiscussion = 4,

    LookedAfter = 5,
}

public enum AssessmentStatus
{
    InProgress = 1,
    AwaitingAuthorisation = 2,
    Authorised = 3,
}

public static class AssessmentOutcomeText
{
    public static string Describe(this AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.EarlyHelp => "Referred to early help (step-down)",
        AssessmentOutcome.ChildInNeedPlan => "Child in need plan",
        AssessmentOutcome.StrategyDiscussion => "Strategy discussion",
        AssessmentOutcome.LookedAfter => "Looked after",
        _ => outcome.ToString(),
    };

    public static string Describe(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.InProgress => "In progress",
        AssessmentStatus.AwaitingAuthorisation => "Waiting for authorisation",
        AssessmentStatus.Authorised => "Authorised",
        _ => status.ToString(),
    };
}

/// <summary>
/// A child and family assessment on a referral (the CIN census "Assessments" module). Due 45 working
/// days from the referral date; completed by the manager's authorisation, whose date is the census's
/// AssessmentAuthorisationDate. The DfE rules are enforced where the data is entered: the start is not
/// before the referral (1103), authorisation is not before the start (8608), factors are DfE codes with
/// no duplicates (8898) and "21" only alone (8869), and factors are required to complete (8897Q).
/// </summary>
public sealed class ChildAndFamilyAssessment : Aggregate
{
    public const int TextLimit = 20_000;

    private readonly List<ChildSeen> seen = [];

    private ChildAndFamilyAssessment()
    {
        FactorCodes = string.Empty;
    }

    public ChildAndFamilyAssessment(Referral referral, DateOnly startedOn, Guid workerId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Status != ReferralStatus.Open)
        {
            throw new DomainRuleException("The referral is closed, so no assessment can start on it", "StartedOn");
        }

        if (startedOn < referral.ReferralDate)
        {
            throw new DomainRuleException($"The assessment cannot start before the referral date, {referral.ReferralDate:d MMMM yyyy}", "StartedOn");
        }

        if (startedOn > today)
        {
            throw new DomainRuleException("The start date must be today or in the past", "StartedOn");
        }

        ReferralId = referral.Id;
        ChildId = referral.ChildId;
        ReferralDate = referral.ReferralDate;
        DueOn = referral.AssessmentDueOn;
        StartedOn = startedOn;
        WorkerId = workerId;
        FactorCodes = string.Empty;
    }

    public Guid ReferralId { get; private init; }

    public Guid ChildId { get; private init; }

    public DateOnly ReferralDate { get; private set; }

    public DateOnly StartedOn { get; private set; }

    /// <summary>45 working days from the referral date.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The referral's date was corrected: the assessment's copy of it and its due date follow.</summary>
    public void FollowReferral(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ReferralDate = referral.ReferralDate;
        DueOn = referral.AssessmentDueOn;
    }

    /// <summary>The social worker doing the assessment.</summary>
    public Guid WorkerId { get; private set; }

    public string? Analysis { get; private set; }

    /// <summary>DfE factor codes, comma-separated in DfE order.</summary>
    public string FactorCodes { get; private set; }

    public IReadOnlyList<string> Factors => FactorCodes.Length == 0 ? [] : FactorCodes.Split(',');

    public AssessmentOutcome? Outcome { get; private set; }

    /// <summary>Why it was authorised after the due date.</summary>
    public string? LateReason { get; private set; }

    public AssessmentStatus Status { get; private set; } = AssessmentStatus.InProgress;

    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The census's AssessmentAuthorisationDate: the date the assessment is complete.</summary>
    public DateOnly? AuthorisedOn { get; private set; }

    public Guid? AuthorisedById { get; private set; }

    /// <summary>The manager's reasons when they sent it back to the worker.</summary>
    public string? ReturnedReason { get; private set; }

    public IReadOnlyList<ChildSeen> Seen => seen;

    public bool IsComplete => Status == AssessmentStatus.Authorised;

    /// <summary>Late if authorised after the due date, or still open once the due date has passed.</summary>
    public bool IsLate(DateOnly today) => (AuthorisedOn ?? today) > DueOn;

    /// <summary>The worker's analysis, the factors, the outcome and (when late) why, saved as often as they like.</summary>
    public void Record(string? analysis, IEnumerable<string> factorCodes, AssessmentOutcome? outcome, string? lateReason)
    {
        EnsureInProgress();
        var codes = factorCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (codes.Count != codes.Distinct(StringComparer.Ordinal).Count())
        {
            throw new DomainRuleException("Select each factor once", "Factors");
        }

        var unknown = codes.FirstOrDefault(c => DfeCodes.AssessmentFactors.Find(c) is not { ValidToYear: null });
        if (unknown is not null)
        {
            throw new DomainRuleException($"“{unknown}” is not a DfE assessment factor code", "Factors");
        }

        if (codes.Contains(DfeCodes.NoFactorsIdentified) && codes.Count > 1)
        {
            throw new DomainRuleException("“21 No factors identified” cannot be selected with any other factor", "Factors");
        }

        if (outcome is { } o && !Enum.IsDefined(o))
        {
            throw new DomainRuleException("Select the outcome of the assessment", "Outcome");
        }

        Analysis = string.IsNullOrWhiteSpace(analysis) ? null : analysis.Trim();
        var order = DfeCodes.AssessmentFactors.Codes.Select(c => c.Value).ToList();
        FactorCodes = string.Join(',', codes.OrderBy(order.IndexOf));
        Outcome = outcome;
        LateReason = string.IsNullOrWhiteSpace(lateReason) ? null : lateReason.Trim();
    }

    /// <summary>A date the child was seen during the assessment (and whether alone).</summary>
    public ChildSeen RecordSeen(DateOnly on, bool alone, DateOnly today)
    {
        EnsureInProgress();
        if (on < ReferralDate)
        {
            throw new DomainRuleException($"The date seen cannot be before the referral date, {ReferralDate:d MMMM yyyy}", "SeenOn");
        }

        if (on > today)
        {
            throw new DomainRuleException("The date seen must be today or in the past", "SeenOn");
        }

        var entry = new ChildSeen(Id, on, alone);
        seen.Add(entry);
        return entry;
    }

    /// <summary>The worker sends it to their manager. Everything the census and the manager need must be there.</summary>
    public void Submit(DateOnly today)
    {
        EnsureInProgress();
        if (string.IsNullOrWhiteSpace(Analysis))
        {
            throw new DomainRuleException("Write your analysis before sending the assessment for authorisation", "Analysis");
        }

        if (Factors.Count == 0)
        {
            throw new DomainRuleException("Select the factors identified, or “21 No factors identified”", "Factors");
        }

        if (Outcome is null)
        {
            throw new DomainRuleException("Select the outcome of the assessment", "Outcome");
        }

        if (seen.Count == 0)
        {
            throw new DomainRuleException("Record at least one date the child was seen", "SeenOn");
        }

        if (today > DueOn && LateReason is null)
        {
            throw new DomainRuleException($"The assessment was due on {DueOn:d MMMM yyyy}: say why it is late", "LateReason");
        }

        Status = AssessmentStatus.AwaitingAuthorisation;
        SubmittedOn = today;
        ReturnedReason = null;
    }

    /// <summary>The manager authorises: the assessment is complete on that date.</summary>
    public void Authorise(Guid managerId, DateOnly on)
    {
        if (Status != AssessmentStatus.AwaitingAuthorisation)
        {
            throw new DomainRuleException("Only an assessment sent for authorisation can be authorised", "Approve");
        }

        if (on < StartedOn)
        {
            throw new DomainRuleException("The authorisation date cannot be before the assessment started", "Approve");
        }

        if (on > DueOn && LateReason is null)
        {
            throw new DomainRuleException("The assessment is late: it needs the worker's reason before it can be authorised", "Approve");
        }

        Status = AssessmentStatus.Authorised;
        AuthorisedOn = on;
        AuthorisedById = managerId;
    }

    /// <summary>The manager sends it back with reasons; the worker edits it and sends it again.</summary>
    public void ReturnToWorker(string reason)
    {
        if (Status != AssessmentStatus.AwaitingAuthorisation)
        {
            throw new DomainRuleException("Only an assessment sent for authorisation can be sent back", "Approve");
        }

        Status = AssessmentStatus.InProgress;
        SubmittedOn = null;
        ReturnedReason = reason.Trim();
    }

    private void EnsureInProgress()
    {
        if (Status == AssessmentStatus.AwaitingAuthorisation)
        {
            throw new DomainRuleException("The assessment is waiting for authorisation: it cannot be changed unless the manager sends it back", "Analysis");
        }

        if (Status == AssessmentStatus.Authorised)
        {
            throw new DomainRuleException("The assessment is authorised and cannot be changed", "Analysis");
        }
    }
}

/// <summary>A date the child was seen during the assessment.</summary>
public sealed class ChildSeen : IPartOf<ChildAndFamilyAssessment>
{
    private ChildSeen()
    {
    }

    internal ChildSeen(Guid assessmentId, DateOnly on, bool alone)
    {
        AssessmentId = assessmentId;
        SeenOn = on;
        Alone = alone;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid AssessmentId { get; private init; }

    Guid IPartOf.RootId => AssessmentId;

    public DateOnly SeenOn { get; private init; }

    public bool Alone { get; private init; }
}
