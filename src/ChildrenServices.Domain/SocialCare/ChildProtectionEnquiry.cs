using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.SocialCare;

public enum ConferenceOutcome
{
    ChildProtectionPlan = 1,
    ChildInNeedPlan = 2,
    NoFurtherAction = 3,
}

public static class ConferenceOutcomeText
{
    public static string Describe(this ConferenceOutcome outcome) => outcome switch
    {
        ConferenceOutcome.ChildProtectionPlan => "Child protection plan",
        ConferenceOutcome.ChildInNeedPlan => "Child in need plan",
        ConferenceOutcome.NoFurtherAction => "No further action",
        _ => outcome.ToString(),
    };
}

/// <summary>
/// A strategy discussion and what follows it on a referral: the section 47 enquiry it decides on, and
/// the initial child protection conference the enquiry calls for (the CIN census "Section47" module:
/// S47ActualStartDate, InitialCPCtarget, DateOfInitialCPC, ICPCnotRequired). The conference target is
/// 15 working days from the strategy discussion, and national, so it is stored as the census reports it.
/// </summary>
public sealed class ChildProtectionEnquiry : Aggregate
{
    public const int TextLimit = 10_000;
    public const int ConferenceWorkingDays = 15;

    private ChildProtectionEnquiry()
    {
        Agencies = string.Empty;
        Rationale = string.Empty;
    }

    public ChildProtectionEnquiry(Referral referral, DateOnly heldOn, string? agencies, bool section47, string? rationale, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(calendar);
        referral.EnsureOpen("no strategy discussion or enquiry can be recorded on it", "HeldOn");
        if (heldOn < referral.ReferralDate)
        {
            throw new DomainRuleException($"The strategy discussion cannot be before the referral date, {referral.ReferralDate:d MMMM yyyy}", "HeldOn");
        }

        NotInFuture(heldOn, today, "HeldOn");
        Agencies = Required(agencies, "Agencies", "Say which agencies took part");
        Rationale = Required(rationale, "Rationale", "Give the rationale for the decision");
        ReferralId = referral.Id;
        ChildId = referral.ChildId;
        StrategyHeldOn = heldOn;
        Section47 = section47;
        ConferenceTargetOn = section47 ? calendar.AddWorkingDays(heldOn, ConferenceWorkingDays) : null;
    }

    public Guid ReferralId { get; private init; }

    public Guid ChildId { get; private init; }

    public DateOnly StrategyHeldOn { get; private init; }

    /// <summary>Who took part: police, health, education, social care…</summary>
    public string Agencies { get; private init; }

    /// <summary>The strategy discussion decided on a section 47 enquiry (its start is the discussion's date).</summary>
    public bool Section47 { get; private init; }

    public string Rationale { get; private init; }

    public DateOnly? ConferenceTargetOn { get; private init; }

    public DateOnly? Section47ConcludedOn { get; private set; }

    public string? Findings { get; private set; }

    /// <summary>The enquiry's outcome: an initial conference is needed (false is the census's ICPCnotRequired).</summary>
    public bool? ConferenceNeeded { get; private set; }

    public DateOnly? ConferenceHeldOn { get; private set; }

    public ConferenceOutcome? ConferenceOutcome { get; private set; }

    /// <summary>The initial category of abuse when the conference makes a child protection plan.</summary>
    public string? InitialCategory { get; private set; }

    public Guid? ChairId { get; private set; }

    /// <summary>Still under way: an enquiry without its outcome, or a conference still to be held.</summary>
    public bool IsOpen => Section47 && (Section47ConcludedOn is null || (ConferenceNeeded == true && ConferenceHeldOn is null));

    public void RecordSection47Outcome(DateOnly concludedOn, string? findings, bool conferenceNeeded, DateOnly today)
    {
        if (!Section47)
        {
            throw new DomainRuleException("The strategy discussion decided against a section 47 enquiry", "ConcludedOn");
        }

        if (Section47ConcludedOn is not null)
        {
            throw new DomainRuleException("The enquiry's outcome is already recorded", "ConcludedOn");
        }

        if (concludedOn < StrategyHeldOn)
        {
            throw new DomainRuleException($"The enquiry cannot end before the strategy discussion, {StrategyHeldOn:d MMMM yyyy}", "ConcludedOn");
        }

        NotInFuture(concludedOn, today, "ConcludedOn");
        Findings = Required(findings, "Findings", "Write the findings of the enquiry");
        Section47ConcludedOn = concludedOn;
        ConferenceNeeded = conferenceNeeded;
    }

    /// <summary>
    /// Corrects the date of an initial conference recorded wrongly: the rules it was recorded under (not before the
    /// strategy discussion, a weekday (CIN rule 8875), not in the future). A plan the conference made moves with it
    /// (<see cref="ChildProtectionPlan.FollowConference"/>, rule 2885). Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectConferenceDate(DateOnly heldOn, DateOnly today)
    {
        var old = ConferenceHeldOn ?? throw new DomainRuleException("No initial conference is recorded on this enquiry", "HeldOn");
        if (heldOn == old)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (heldOn < StrategyHeldOn)
        {
            throw new DomainRuleException($"The conference cannot be before the strategy discussion, {StrategyHeldOn:d MMMM yyyy}", "HeldOn");
        }

        NotInFuture(heldOn, today, "HeldOn");
        ConferenceDate.EnsureWeekday(heldOn, "HeldOn", "The initial conference");
        ConferenceHeldOn = heldOn;
        return old;
    }

    /// <summary>The reviewing officer who chaired it records the initial conference's outcome.</summary>
    public void RecordConference(DateOnly heldOn, ConferenceOutcome outcome, string? initialCategory, Guid chairId, DateOnly today)
    {
        if (ConferenceNeeded != true)
        {
            throw new DomainRuleException("No initial conference was called for by the enquiry", "HeldOn");
        }

        if (ConferenceHeldOn is not null)
        {
            throw new DomainRuleException("The initial conference is already recorded", "HeldOn");
        }

        if (heldOn < StrategyHeldOn)
        {
            throw new DomainRuleException($"The conference cannot be before the strategy discussion, {StrategyHeldOn:d MMMM yyyy}", "HeldOn");
        }

        NotInFuture(heldOn, today, "HeldOn");
        ConferenceDate.EnsureWeekday(heldOn, "HeldOn", "The initial conference");
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("Select the outcome of the conference", "Outcome");
        }

        if (outcome == SocialCare.ConferenceOutcome.ChildProtectionPlan)
        {
            if (string.IsNullOrWhiteSpace(initialCategory) || DfeCodes.CategoryOfAbuse.Find(initialCategory) is null)
            {
                throw new DomainRuleException("Select the initial category of abuse", "InitialCategory");
            }
        }
        else if (!string.IsNullOrWhiteSpace(initialCategory))
        {
            throw new DomainRuleException("A category of abuse is only given with a child protection plan", "InitialCategory");
        }

        ConferenceHeldOn = heldOn;
        ConferenceOutcome = outcome;
        InitialCategory = outcome == SocialCare.ConferenceOutcome.ChildProtectionPlan ? initialCategory : null;
        ChairId = chairId;
    }

    private static void NotInFuture(DateOnly on, DateOnly today, string field)
    {
        if (on > today)
        {
            throw new DomainRuleException("The date must be today or in the past", field);
        }
    }

    private static string Required(string? text, string field, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException(message, field) : text.Trim();
}
