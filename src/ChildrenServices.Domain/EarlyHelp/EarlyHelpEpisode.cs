using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.EarlyHelp;

public enum EpisodeKind
{
    EarlyHelp = 1,

    /// <summary>Wiltshire's "support" case: held by a keyworker, at the edge of social care.</summary>
    Support = 2,
}

public enum SupportReason
{
    EdgeOfChildInNeed = 1,
    SteppingDownFromSocialCare = 2,
    StuckEarlyHelp = 3,
}

public enum EpisodeStart
{
    FrontDoorDecision = 1,
    StepDown = 2,
    PartnerRequest = 3,
}

public enum EpisodeEndReason
{
    NeedsMet = 1,
    SteppedUpToSocialCare = 2,
    NeedsMetByUniversalServices = 3,
    FamilyDeclinedOrDisengaged = 4,
    MovedAway = 5,
    Other = 6,
}

/// <summary>The national Supporting Families headline outcomes a family plan is measured against.</summary>
public enum FamilyOutcome
{
    Education = 1,
    EarlyYears = 2,
    Health = 3,
    SubstanceUse = 4,
    FamilyRelationships = 5,
    SafeFromAbuseAndExploitation = 6,
    Crime = 7,
    DomesticAbuse = 8,
    Housing = 9,
    FinancialStability = 10,
}

public static class EarlyHelpText
{
    public static string Describe(this FamilyOutcome outcome) => outcome switch
    {
        FamilyOutcome.Education => "Getting a good education",
        FamilyOutcome.EarlyYears => "Good early years development",
        FamilyOutcome.Health => "Improved mental and physical health",
        FamilyOutcome.SubstanceUse => "Promoting recovery and reducing harm from substance use",
        FamilyOutcome.FamilyRelationships => "Improved family relationships",
        FamilyOutcome.SafeFromAbuseAndExploitation => "Children safe from abuse and exploitation",
        FamilyOutcome.Crime => "Crime prevention and tackling crime",
        FamilyOutcome.DomesticAbuse => "Safe from domestic abuse",
        FamilyOutcome.Housing => "Secure housing",
        FamilyOutcome.FinancialStability => "Financial stability",
        _ => outcome.ToString(),
    };

    public static string Describe(this EpisodeKind kind) => kind == EpisodeKind.Support ? "Support case" : "Early help";

    public static string Describe(this SupportReason reason) => reason switch
    {
        SupportReason.EdgeOfChildInNeed => "At the edge of child in need",
        SupportReason.SteppingDownFromSocialCare => "Stepping down from social care",
        SupportReason.StuckEarlyHelp => "Early help that is stuck",
        _ => reason.ToString(),
    };

    public static string Describe(this EpisodeStart start) => start switch
    {
        EpisodeStart.FrontDoorDecision => "Front-door decision",
        EpisodeStart.StepDown => "Step-down from social care",
        EpisodeStart.PartnerRequest => "Request from a partner",
        _ => start.ToString(),
    };

    public static string Describe(this EpisodeEndReason reason) => reason switch
    {
        EpisodeEndReason.NeedsMet => "Needs met: the plan's goals are achieved",
        EpisodeEndReason.SteppedUpToSocialCare => "Stepped up to children's social care",
        EpisodeEndReason.NeedsMetByUniversalServices => "Needs can be met by universal services",
        EpisodeEndReason.FamilyDeclinedOrDisengaged => "The family declined or stopped engaging",
        EpisodeEndReason.MovedAway => "The family moved out of the area",
        EpisodeEndReason.Other => "Other",
        _ => reason.ToString(),
    };
}

/// <summary>
/// Early help for a family: the children in it, one keyworker, a start (a front-door decision, a
/// step-down or a partner's request) and an end with an outcome. "One family, one worker, one plan":
/// the assessment and the family plan hang off the episode, each editable on its own.
/// </summary>
public sealed class EarlyHelpEpisode : Aggregate
{
    public const int TextLimit = 10_000;

    private readonly List<EpisodeChild> children = [];

    private EarlyHelpEpisode()
    {
        FamilyName = string.Empty;
    }

    public EarlyHelpEpisode(string familyName, EpisodeKind kind, SupportReason? supportReason, EpisodeStart start, Guid? requestId, DateOnly startedOn, Guid teamId, Guid keyworkerId, IEnumerable<Guid> childIds)
    {
        if (kind == EpisodeKind.Support && supportReason is null)
        {
            throw new DomainRuleException("Say why this is a support case", "SupportReason");
        }

        FamilyName = familyName;
        Kind = kind;
        SupportReason = kind == EpisodeKind.Support ? supportReason : null;
        Start = start;
        RequestId = requestId;
        StartedOn = startedOn;
        TeamId = teamId;
        KeyworkerId = keyworkerId;
        children.AddRange(childIds.Distinct().Select(id => new EpisodeChild(Id, id)));
        if (children.Count == 0)
        {
            throw new DomainRuleException("An early help episode needs at least one child", "Children");
        }
    }

    /// <summary>"Taylor family": how the team refers to the family.</summary>
    public string FamilyName { get; private set; }

    public EpisodeKind Kind { get; private set; }

    public SupportReason? SupportReason { get; private set; }

    public EpisodeStart Start { get; private init; }

    public Guid? RequestId { get; private init; }

    public DateOnly StartedOn { get; private init; }

    public Guid TeamId { get; private set; }

    public Guid KeyworkerId { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public EpisodeEndReason? EndReason { get; private set; }

    public string? EndSummary { get; private set; }

    public IReadOnlyList<EpisodeChild> Children => children;

    public bool IsOpen => EndedOn is null;

    public void ChangeKeyworker(Guid keyworkerId)
    {
        EnsureOpen();
        KeyworkerId = keyworkerId;
    }

    /// <summary>The family has transferred to another team: that team's keyworker holds the plan now.</summary>
    public void TransferTo(Guid teamId, Guid keyworkerId)
    {
        EnsureOpen();
        TeamId = teamId;
        KeyworkerId = keyworkerId;
    }

    public void End(DateOnly on, EpisodeEndReason reason, string summary)
    {
        EnsureOpen();
        if (on < StartedOn)
        {
            throw new DomainRuleException("The end date cannot be before the episode started", "EndedOn");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("Summarise what changed for the family", "Summary");
        }

        EndedOn = on;
        EndReason = reason;
        EndSummary = summary.Trim();
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This episode has ended", "Episode");
        }
    }
}

public sealed class EpisodeChild : IPartOf<EarlyHelpEpisode>
{
    private EpisodeChild()
    {
    }

    internal EpisodeChild(Guid episodeId, Guid childId)
    {
        EpisodeId = episodeId;
        ChildId = childId;
    }

    public Guid EpisodeId { get; private init; }

    Guid IPartOf.RootId => EpisodeId;

    public Guid ChildId { get; private init; }
}
