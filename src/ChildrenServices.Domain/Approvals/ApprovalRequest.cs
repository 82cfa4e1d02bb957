using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Approvals;

public enum ApprovalKind
{
    /// <summary>From early help to children's social care.</summary>
    StepUp = 1,

    /// <summary>From children's social care to a keyworker.</summary>
    StepDown = 2,

    /// <summary>A child and family assessment sent to the manager: approval completes it on that date.</summary>
    AssessmentAuthorisation = 3,

    /// <summary>Closing the child's social care involvement with a DfE reason code.</summary>
    CaseClosure = 4,
}

public static class ApprovalKindText
{
    public static string Describe(this ApprovalKind kind) => kind switch
    {
        ApprovalKind.StepUp => "Step-up",
        ApprovalKind.StepDown => "Step-down",
        ApprovalKind.AssessmentAuthorisation => "Assessment authorisation",
        ApprovalKind.CaseClosure => "Case closure",
        _ => kind.ToString(),
    };
}

/// <summary>Where a step-down comes from; it decides the DfE reason the social care involvement closes with.</summary>
public enum StepDownStage
{
    /// <summary>Closes RC9: closed after assessment, referred to early help.</summary>
    EndOfAssessment = 1,

    /// <summary>Closes RC7: services ceased (the child in need plan ends; early help carries on).</summary>
    ChildInNeedPlan = 2,
}

public enum ApprovalStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// A request a team manager must decide — step-up, step-down (later: assessment authorisation,
/// closure). Requested with reasons by a worker, decided with written rationale by a manager of the
/// team, never by the requester. The decision and its rationale stay on the record for ever.
/// </summary>
public sealed class ApprovalRequest : Aggregate
{
    private readonly List<ApprovalChild> children = [];

    private ApprovalRequest()
    {
        Reasons = string.Empty;
    }

    public ApprovalRequest(ApprovalKind kind, Guid teamId, Guid? episodeId, IEnumerable<Guid> childIds, string reasons, Guid requestedById, DateTime requestedAtUtc, bool urgent = false)
    {
        Urgent = urgent;
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException(kind == ApprovalKind.StepUp ? "Give the reasons for stepping up" : "Give the reasons for stepping down", "Reasons");
        }

        Kind = kind;
        TeamId = teamId;
        EpisodeId = episodeId;
        Reasons = reasons.Trim();
        RequestedById = requestedById;
        RequestedAtUtc = requestedAtUtc;
        children.AddRange(childIds.Distinct().Select(id => new ApprovalChild(Id, id, OneWaitingPerChild(kind) ? kind : null)));
        if (children.Count == 0)
        {
            throw new DomainRuleException("Choose the children it is about", "Children");
        }
    }

    /// <summary>
    /// Kinds a child may have only one of waiting at a time (a step-down, a closure): each child row carries the
    /// kind while it waits, for the unique index that backs the rule (ADR 0019).
    /// </summary>
    public static bool OneWaitingPerChild(ApprovalKind kind) => kind is ApprovalKind.StepDown or ApprovalKind.CaseClosure;

    public ApprovalKind Kind { get; private init; }

    /// <summary>The requester says it cannot wait (a step-up where risk is rising): it leads the manager's queue.</summary>
    public bool Urgent { get; private init; }

    /// <summary>The team whose manager decides.</summary>
    public Guid TeamId { get; private init; }

    /// <summary>The early help episode a step-up comes from (or a step-down goes to, once approved).</summary>
    public Guid? EpisodeId { get; private set; }


    public string Reasons { get; private init; }

    public Guid RequestedById { get; private init; }

    public DateTime RequestedAtUtc { get; private init; }

    /// <summary>Step-down only.</summary>
    public StepDownStage? Stage { get; private set; }

    public ApprovalStatus Status { get; private set; } = ApprovalStatus.Pending;

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? Rationale { get; private set; }

    public IReadOnlyList<ApprovalChild> Children => children;

    /// <summary>
    /// A manager of the team decides, with written rationale. The requester may not decide their own
    /// request, even when they manage the team.
    /// </summary>
    public void Decide(bool approve, string rationale, Guid managerId, bool managesTheTeam, DateTime nowUtc)
    {
        if (Status != ApprovalStatus.Pending)
        {
            throw new DomainRuleException("This request has already been decided", "Approve");
        }

        if (managerId == RequestedById)
        {
            throw new DomainRuleException("You cannot decide a request you made: another manager must", "Approve");
        }

        if (!managesTheTeam)
        {
            throw new DomainRuleException("Only a manager of the team can decide this request", "Approve");
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new DomainRuleException("Write the rationale for your decision", "Rationale");
        }

        Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        foreach (var child in children)
        {
            child.Decided();
        }

        Rationale = rationale.Trim();
        DecidedById = managerId;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>Assessment authorisation only: the assessment the manager is asked to authorise.</summary>
    public Guid? AssessmentId { get; private set; }

    public void LinkEpisode(Guid episodeId) => EpisodeId = episodeId;

    /// <summary>Case closure only: the DfE reason for closure (RC1–RC8) the worker proposes.</summary>
    public string? ClosureReasonCode { get; private set; }

    public static ApprovalRequest CaseClosure(Guid teamId, Guid childId, string reasonCode, string reasons, Guid requestedById, DateTime requestedAtUtc) =>
        new(ApprovalKind.CaseClosure, teamId, null, [childId], reasons, requestedById, requestedAtUtc) { ClosureReasonCode = reasonCode };

    public static ApprovalRequest AssessmentAuthorisation(Guid teamId, Guid childId, Guid assessmentId, string summary, Guid requestedById, DateTime requestedAtUtc) =>
        new(ApprovalKind.AssessmentAuthorisation, teamId, null, [childId], summary, requestedById, requestedAtUtc) { AssessmentId = assessmentId };

    public static ApprovalRequest StepDown(StepDownStage stage, Guid teamId, IEnumerable<Guid> childIds, string reasons, Guid requestedById, DateTime requestedAtUtc)
    {
        var request = new ApprovalRequest(ApprovalKind.StepDown, teamId, null, childIds, reasons, requestedById, requestedAtUtc) { Stage = stage };
        return request;
    }

    /// <summary>The DfE reason the social care involvement closes with when a step-down is approved.</summary>
    public string StepDownReasonCode => Stage == StepDownStage.EndOfAssessment ? "RC9" : "RC7";
}

public sealed class ApprovalChild : IPartOf<ApprovalRequest>
{
    private ApprovalChild()
    {
    }

    internal ApprovalChild(Guid requestId, Guid childId, ApprovalKind? waiting)
    {
        RequestId = requestId;
        ChildId = childId;
        Waiting = waiting;
    }

    public Guid RequestId { get; private init; }

    Guid IPartOf.RootId => RequestId;

    public Guid ChildId { get; private init; }

    /// <summary>
    /// While the request waits for a decision, its kind if a child may have only one of that kind waiting
    /// (<see cref="ApprovalRequest.OneWaitingPerChild"/>); empty once decided. A unique index on the child and
    /// this refuses a second one, even from a request that raced past the check.
    /// </summary>
    public ApprovalKind? Waiting { get; private set; }

    internal void Decided() => Waiting = null;
}
