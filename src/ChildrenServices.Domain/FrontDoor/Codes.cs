namespace ChildrenServices.Domain.FrontDoor;

/// <summary>How a worry about a child reached the front door.</summary>
public enum ContactRoute
{
    PhoneConsultation = 1,
    OnlineRequest = 2,
    Email = 3,
    PoliceNotification = 4,
    InPerson = 5,
}

public enum ContactUrgency
{
    Routine = 1,
    Urgent = 2,
    Immediate = 3,
}

/// <summary>Consent to share information with partner agencies (and to check with them).</summary>
public enum ConsentToShare
{
    Given = 1,
    Refused = 2,
    Overridden = 3,
    NotYetSought = 4,
}

public enum ContactStatus
{
    AwaitingDecision = 1,
    AwaitingSignOff = 2,
    Decided = 3,
}

/// <summary>What the front door decided. Each outcome has its own consequences (see <see cref="ContactDecision"/>).</summary>
public enum ContactOutcome
{
    NoFurtherAction = 1,

    /// <summary>A CADS consultation that ends with advice: the caller keeps responsibility. Counted (Norfolk measures it).</summary>
    AdviceOnly = 2,
    AdviceAndSignposting = 3,
    EarlyHelp = 4,
    Referral = 5,
    StrategyDiscussion = 6,
}

/// <summary>Who is best placed to meet the child's needs — the CADS question.</summary>
public enum BestPlaced
{
    Caller = 1,
    UniversalServices = 2,
    EarlyHelp = 3,
    SocialCare = 4,
    OtherService = 5,
}

public enum PartnerAgency
{
    Police = 1,
    Health = 2,
    Education = 3,
    Probation = 4,
    Housing = 5,
    Other = 6,
}

public enum RagRating
{
    Red = 1,
    Amber = 2,
    Green = 3,
}

public enum ContactPersonRole
{
    Child = 1,
    Adult = 2,
}

public enum SignOffState
{
    NotNeeded = 1,
    Pending = 2,
    Agreed = 3,
    NotAgreed = 4,
}

/// <summary>Practitioners' wording for the front-door codes, in one place.</summary>
public static class FrontDoorText
{
    public static string Describe(this ContactRoute route) => route switch
    {
        ContactRoute.PhoneConsultation => "Phone consultation",
        ContactRoute.OnlineRequest => "Online request",
        ContactRoute.Email => "Email",
        ContactRoute.PoliceNotification => "Police notification",
        ContactRoute.InPerson => "In person",
        _ => route.ToString(),
    };

    public static string Describe(this ContactUrgency urgency) => urgency switch
    {
        ContactUrgency.Routine => "Routine",
        ContactUrgency.Urgent => "Urgent",
        ContactUrgency.Immediate => "Immediate risk",
        _ => urgency.ToString(),
    };

    public static string Describe(this ConsentToShare consent) => consent switch
    {
        ConsentToShare.Given => "Given",
        ConsentToShare.Refused => "Refused",
        ConsentToShare.Overridden => "Overridden",
        ConsentToShare.NotYetSought => "Not yet sought",
        _ => consent.ToString(),
    };

    public static string Describe(this ContactStatus status) => status switch
    {
        ContactStatus.AwaitingDecision => "Awaiting decision",
        ContactStatus.AwaitingSignOff => "Awaiting manager sign-off",
        ContactStatus.Decided => "Decided",
        _ => status.ToString(),
    };

    public static string Describe(this ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoFurtherAction => "No further action",
        ContactOutcome.AdviceOnly => "Advice only — the caller keeps responsibility",
        ContactOutcome.AdviceAndSignposting => "Advice and signposting",
        ContactOutcome.EarlyHelp => "Early help",
        ContactOutcome.Referral => "Referral to children's social care",
        ContactOutcome.StrategyDiscussion => "Strategy discussion now (significant harm)",
        _ => outcome.ToString(),
    };

    public static string Describe(this BestPlaced bestPlaced) => bestPlaced switch
    {
        BestPlaced.Caller => "The caller and their agency",
        BestPlaced.UniversalServices => "Universal services (school, GP, health visitor)",
        BestPlaced.EarlyHelp => "Early help",
        BestPlaced.SocialCare => "Children's social care",
        BestPlaced.OtherService => "Another service",
        _ => bestPlaced.ToString(),
    };

    public static string Describe(this PartnerAgency agency) => agency switch
    {
        PartnerAgency.Police => "Police",
        PartnerAgency.Health => "Health",
        PartnerAgency.Education => "Education",
        PartnerAgency.Probation => "Probation",
        PartnerAgency.Housing => "Housing",
        PartnerAgency.Other => "Other agency",
        _ => agency.ToString(),
    };

    /// <summary>Outcomes that open statutory involvement and so need a referral source and a primary need.</summary>
    public static bool OpensReferral(this ContactOutcome outcome) =>
        outcome is ContactOutcome.Referral or ContactOutcome.StrategyDiscussion;
}
