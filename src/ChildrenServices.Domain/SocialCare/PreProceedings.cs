using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

/// <summary>How pre-proceedings ended: the decision of the legal planning meeting or panel.</summary>
public enum PreProceedingsOutcome
{
    /// <summary>The council decided to issue care proceedings (step up).</summary>
    IssueCareProceedings = 1,

    /// <summary>The council decided to step down: no proceedings, work goes on under the child's plan.</summary>
    StepDown = 2,
}

public static class PreProceedingsOutcomeText
{
    /// <summary>The Standard Safeguarding Dataset's wording for the outcome (prep_pre_pro_outcome).</summary>
    public static string Describe(this PreProceedingsOutcome outcome) => outcome switch
    {
        PreProceedingsOutcome.IssueCareProceedings => "Decision to issue care proceedings",
        PreProceedingsOutcome.StepDown => "Decision to step down",
        _ => outcome.ToString(),
    };
}

/// <summary>
/// Pre-proceedings under the Public Law Outline, on the child's open referral (the CIN census 2026/27
/// "PreProceedingsandFGDM" block inside CINdetails): the decision to start them (PPStartDate), the letter before
/// proceedings (LBPSentDate) and whether it offered a family group decision-making meeting (FGDMMeetingOffer),
/// whether that meeting was held (FGDMMeetingFac) and what the family proposed, the pre-proceedings meetings (the
/// first is the initial meeting, InitialPPMeetingDate; the rest are reviews, ReviewMeetingsCount), the decision to
/// step up or down (StepDecisionDate, PPOutcome) and, on a step up, the court application (CourtAppDate) and the
/// letter to parents that care proceedings have been initiated (LetterInitCPDate). Every census item is worked out
/// from what is recorded here, never typed twice.
/// <para>
/// The Children's Wellbeing and Schools Act 2026 (section 31ZA of the Children Act 1989): before applying for a care
/// order the council offers the family an FGDM meeting, unless that is not in the child's best interests. So no court
/// application is recorded until the offer, or the reason it was not made, is.
/// </para>
/// </summary>
public sealed class PreProceedings : Aggregate
{
    public const int TextLimit = 10_000;

    /// <summary>One open pre-proceedings per child.</summary>
    public const string OneOpenPerChild = "The child is already in pre-proceedings: record on those until the decision to step up or down";

    private readonly List<PreProceedingsMeeting> meetings = [];

    private PreProceedings()
    {
        Rationale = string.Empty;
    }

    public PreProceedings(Referral referral, DateOnly startedOn, string? rationale, Guid startedById, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        referral.EnsureOpen("pre-proceedings cannot start on it", "StartedOn");
        if (referral.NoFurtherAction)
        {
            throw new DomainRuleException("The referral ended with no further action, so pre-proceedings cannot start on it", "StartedOn");
        }

        if (startedOn < referral.ReferralDate)
        {
            throw new DomainRuleException($"The decision to start pre-proceedings cannot be before the referral date, {referral.ReferralDate:d MMMM yyyy}", "StartedOn");
        }

        NotInFuture(startedOn, today, "StartedOn", "The decision to start pre-proceedings");
        Rationale = Required(rationale, "Rationale", "Say why the legal planning meeting decided to start pre-proceedings");
        ReferralId = referral.Id;
        ChildId = referral.ChildId;
        StartedOn = startedOn;
        StartedById = startedById;
    }

    public Guid ReferralId { get; private init; }

    public Guid ChildId { get; private init; }

    /// <summary>The date of the legal planning meeting (or other forum) that decided to start pre-proceedings: the census's PPStartDate.</summary>
    public DateOnly StartedOn { get; private init; }

    public string Rationale { get; private init; }

    public Guid StartedById { get; private init; }

    /// <summary>The letter before proceedings was sent to the parents (LBPSentDate).</summary>
    public DateOnly? LetterSentOn { get; private set; }

    /// <summary>The letter offered a family group decision-making meeting (FGDMMeetingOffer).</summary>
    public bool? FgdmOffered { get; private set; }

    /// <summary>Why no meeting was offered: the Act's exemption, that a meeting is not in the child's best interests.</summary>
    public string? FgdmNotOfferedReason { get; private set; }

    /// <summary>The family accepted the offer.</summary>
    public bool? FgdmAccepted { get; private set; }

    /// <summary>The meeting was held on this day (the census's FGDMMeetingFac is whether there is one).</summary>
    public DateOnly? FgdmHeldOn { get; private set; }

    /// <summary>What the family proposed at the meeting: their plan for the child.</summary>
    public string? FamilyProposal { get; private set; }

    /// <summary>Why an offered meeting was not held: the family declined, or what stopped it.</summary>
    public string? FgdmNotHeldReason { get; private set; }

    /// <summary>Pre-proceedings meetings with the parents, oldest first: the first is the initial meeting, the rest reviews.</summary>
    public IReadOnlyList<PreProceedingsMeeting> Meetings => meetings.OrderBy(m => m.HeldOn).ToList();

    /// <summary>The decision to step up or down was made on this day (StepDecisionDate).</summary>
    public DateOnly? DecidedOn { get; private set; }

    public PreProceedingsOutcome? Outcome { get; private set; }

    public string? DecisionRationale { get; private set; }

    public Guid? DecidedById { get; private set; }

    /// <summary>The council applied to the court for a care order on this day (CourtAppDate).</summary>
    public DateOnly? CourtApplicationOn { get; private set; }

    /// <summary>The letter telling the parents that care proceedings have been initiated was sent on this day (LetterInitCPDate).</summary>
    public DateOnly? CourtLetterSentOn { get; private set; }

    public bool IsOpen => DecidedOn is null;

    /// <summary>The census's InitialPPMeetingDate: the first meeting.</summary>
    public DateOnly? InitialMeetingOn => meetings.Count == 0 ? null : meetings.Min(m => m.HeldOn);

    /// <summary>The census's ReviewMeetingsCount: the meetings after the initial one.</summary>
    public int ReviewMeetingsCount => Math.Max(0, meetings.Count - 1);

    /// <summary>The FGDM offer is settled: not offered (with the reason), or offered and either held or not held with the reason.</summary>
    public bool FgdmSettled => FgdmOffered == false || (FgdmOffered == true && (FgdmHeldOn is not null || FgdmNotHeldReason is not null));

    /// <summary>
    /// The letter before proceedings is sent, on or after the decision (CIN rule 9006), saying whether it offers an FGDM
    /// meeting (9007); when it does not, the reason is the best-interests exemption, which must be given.
    /// </summary>
    public void RecordLetter(DateOnly sentOn, bool offered, string? notOfferedReason, DateOnly today)
    {
        EnsureOpen("the letter before proceedings", "LetterSentOn");
        if (sentOn < StartedOn)
        {
            throw new DomainRuleException($"The letter before proceedings cannot be sent before pre-proceedings started, {StartedOn:d MMMM yyyy}", "LetterSentOn");
        }

        NotInFuture(sentOn, today, "LetterSentOn", "The letter before proceedings");
        if (FgdmHeldOn is not null && !offered)
        {
            throw new DomainRuleException("A family group decision-making meeting has been held, so the letter offered one", "FgdmOffered");
        }

        if (FgdmHeldOn is { } held && held < sentOn)
        {
            throw new DomainRuleException($"The family group decision-making meeting was held on {held:d MMMM yyyy}, before this letter offered it", "LetterSentOn");
        }

        var reason = offered
            ? null
            : Required(notOfferedReason, "FgdmNotOfferedReason", "Say why a family group decision-making meeting is not in the child's best interests");
        LetterSentOn = sentOn;
        FgdmOffered = offered;
        FgdmNotOfferedReason = reason;
        if (!offered)
        {
            FgdmAccepted = null;
            FgdmNotHeldReason = null;
            FamilyProposal = null;
        }
    }

    /// <summary>
    /// What came of the FGDM offer (CIN query 9010Q asks for it whenever one was offered): held on a day, on or after the
    /// letter and not in the future, with what the family proposed; or not held, with why (the family declined it, or
    /// accepted but the meeting did not happen).
    /// </summary>
    public void RecordFgdm(bool accepted, DateOnly? heldOn, string? familyProposal, string? notHeldReason, DateOnly today)
    {
        EnsureOpen("the family group decision-making meeting", "FgdmAccepted");
        if (FgdmOffered != true || LetterSentOn is not { } letter)
        {
            throw new DomainRuleException("Record the letter before proceedings offering the meeting first", "FgdmAccepted");
        }

        if (!accepted && heldOn is not null)
        {
            throw new DomainRuleException("The family declined the meeting, so it was not held: leave the date blank", "FgdmHeldOn");
        }

        if (heldOn is { } held)
        {
            if (held < letter)
            {
                throw new DomainRuleException($"The meeting cannot be before the letter that offered it, {letter:d MMMM yyyy}", "FgdmHeldOn");
            }

            NotInFuture(held, today, "FgdmHeldOn", "The meeting");
        }

        var proposal = heldOn is null ? null : Required(familyProposal, "FamilyProposal", "Write what the family proposed at the meeting");
        var notHeld = heldOn is not null ? null : Required(notHeldReason, "FgdmNotHeldReason",
            accepted ? "Enter the date the meeting was held, or say why it was not held" : "Say why the family declined the meeting");
        FamilyProposal = proposal;
        FgdmNotHeldReason = notHeld;
        FgdmAccepted = accepted;
        FgdmHeldOn = heldOn;
    }

    /// <summary>A pre-proceedings meeting with the parents: on or after the start, not in the future, one a day.</summary>
    public PreProceedingsMeeting RecordMeeting(DateOnly heldOn, string? summary, DateOnly today)
    {
        EnsureOpen("a meeting", "HeldOn");
        if (heldOn < StartedOn)
        {
            throw new DomainRuleException($"The meeting cannot be before pre-proceedings started, {StartedOn:d MMMM yyyy}", "HeldOn");
        }

        NotInFuture(heldOn, today, "HeldOn", "The meeting");
        if (meetings.Any(m => m.HeldOn == heldOn))
        {
            throw new DomainRuleException($"A meeting on {heldOn:d MMMM yyyy} is already recorded", "HeldOn");
        }

        var meeting = new PreProceedingsMeeting(Id, heldOn, Required(summary, "Summary", "Write what the meeting agreed"));
        meetings.Add(meeting);
        return meeting;
    }

    /// <summary>
    /// The legal planning meeting decides to step up to proceedings or down: on or after the start (CIN rule 9009), not
    /// before a meeting already recorded, not in the future; only once the letter has gone and the FGDM offer is settled
    /// (9007, 9010Q), so the census has every item the decision rests on.
    /// </summary>
    public void Decide(DateOnly decidedOn, PreProceedingsOutcome outcome, string? rationale, Guid decidedById, DateOnly today)
    {
        EnsureOpen("the decision", "DecidedOn");
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("Select the decision", "Outcome");
        }

        if (LetterSentOn is null)
        {
            throw new DomainRuleException("Record the letter before proceedings first: the decision follows it", "DecidedOn");
        }

        if (!FgdmSettled)
        {
            throw new DomainRuleException("Record what came of the family group decision-making meeting that was offered first", "DecidedOn");
        }

        if (decidedOn < StartedOn)
        {
            throw new DomainRuleException($"The decision cannot be before pre-proceedings started, {StartedOn:d MMMM yyyy}", "DecidedOn");
        }

        if (meetings.Count > 0 && decidedOn < meetings.Max(m => m.HeldOn))
        {
            throw new DomainRuleException($"A meeting is recorded on {meetings.Max(m => m.HeldOn):d MMMM yyyy}, after this date: the decision ends pre-proceedings", "DecidedOn");
        }

        NotInFuture(decidedOn, today, "DecidedOn", "The decision");
        DecisionRationale = Required(rationale, "DecisionRationale", "Give the rationale for the decision");
        DecidedOn = decidedOn;
        Outcome = outcome;
        DecidedById = decidedById;
    }

    /// <summary>
    /// After a decision to issue, the court application (on or after the decision, CIN rule 9012) and the letter telling
    /// the parents proceedings have been initiated (on or after the application, 9013). Section 31ZA: the FGDM offer, or
    /// the reason none was made, is on record before any application (the decision already requires it).
    /// </summary>
    public void RecordCourtApplication(DateOnly appliedOn, DateOnly? letterSentOn, DateOnly today)
    {
        if (Outcome != PreProceedingsOutcome.IssueCareProceedings || DecidedOn is not { } decided)
        {
            throw new DomainRuleException("The court application follows a decision to issue care proceedings", "CourtApplicationOn");
        }

        if (appliedOn < decided)
        {
            throw new DomainRuleException($"The application cannot be before the decision to issue, {decided:d MMMM yyyy}", "CourtApplicationOn");
        }

        NotInFuture(appliedOn, today, "CourtApplicationOn", "The application");
        if (letterSentOn is { } letter)
        {
            if (letter < appliedOn)
            {
                throw new DomainRuleException("The letter that proceedings have been initiated cannot be before the application", "CourtLetterSentOn");
            }

            NotInFuture(letter, today, "CourtLetterSentOn", "The letter");
        }

        CourtApplicationOn = appliedOn;
        CourtLetterSentOn = letterSentOn;
    }

    private void EnsureOpen(string what, string field)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException($"Pre-proceedings ended with the decision on {DecidedOn:d MMMM yyyy}, so {what} cannot be recorded", field);
        }
    }

    private static void NotInFuture(DateOnly on, DateOnly today, string field, string what)
    {
        if (on > today)
        {
            throw new DomainRuleException($"{what} must be today or in the past", field);
        }
    }

    private static string Required(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(message, field);
        }

        var trimmed = text.Trim();
        if (trimmed.Length > TextLimit)
        {
            throw new DomainRuleException($"This must be {TextLimit:N0} characters or fewer", field);
        }

        return trimmed;
    }
}

/// <summary>A pre-proceedings meeting with the parents and their legal representatives.</summary>
public sealed class PreProceedingsMeeting : IPartOf<PreProceedings>
{
    private PreProceedingsMeeting()
    {
        Summary = string.Empty;
    }

    internal PreProceedingsMeeting(Guid preProceedingsId, DateOnly heldOn, string summary)
    {
        PreProceedingsId = preProceedingsId;
        HeldOn = heldOn;
        Summary = summary;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PreProceedingsId { get; private init; }

    Guid IPartOf.RootId => PreProceedingsId;

    public DateOnly HeldOn { get; private init; }

    public string Summary { get; private init; }
}
