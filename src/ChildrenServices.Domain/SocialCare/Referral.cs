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

    private Referral()
    {
        SourceCode = string.Empty;
        PrimaryNeedCode = string.Empty;
    }

    public Referral(Guid childId, Guid? contactId, DateOnly referralDate, string sourceCode, string primaryNeedCode, Guid teamId, bool immediateStrategyDiscussion, Referral? previous, WorkingDayCalendar calendar)
    {
        ChildId = childId;
        ContactId = contactId;
        ReferralDate = referralDate;
        SourceCode = sourceCode;
        PrimaryNeedCode = primaryNeedCode;
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

    public DateOnly ReferralDate { get; private init; }

    /// <summary>DfE referral source (1A … 10).</summary>
    public string SourceCode { get; private init; }

    /// <summary>DfE primary need (N0 … N9).</summary>
    public string PrimaryNeedCode { get; private init; }

    /// <summary>The team it is routed to (the assessment team).</summary>
    public Guid TeamId { get; private set; }

    /// <summary>Significant harm suspected: a strategy discussion is needed now, before anything else.</summary>
    public bool ImmediateStrategyDiscussion { get; private init; }

    public bool IsReReferral { get; private init; }

    public Guid? PreviousReferralId { get; private init; }

    public DateOnly AssessmentDueOn { get; private init; }

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
