using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.EarlyHelp;

public enum EarlyHelpRequestStatus
{
    Pending = 1,
    Accepted = 2,

    /// <summary>The front-door decision that made it was corrected.</summary>
    Withdrawn = 3,
}

/// <summary>
/// A request for early help for a family, waiting for a locality team to pick it up. Made by a
/// front-door decision (later also by partners); the early help episode that follows is its own record.
/// </summary>
public sealed class EarlyHelpRequest : Aggregate
{
    private readonly List<EarlyHelpRequestChild> children = [];

    private EarlyHelpRequest()
    {
        Reason = string.Empty;
    }

    public EarlyHelpRequest(Guid teamId, Guid? contactId, DateOnly requestedOn, string reason, IEnumerable<Guid> childIds)
    {
        TeamId = teamId;
        ContactId = contactId;
        RequestedOn = requestedOn;
        Reason = reason;
        children.AddRange(childIds.Distinct().Select(id => new EarlyHelpRequestChild(Id, id)));
        if (children.Count == 0)
        {
            throw new DomainRuleException("An early help request needs at least one child", "Children");
        }
    }

    public Guid TeamId { get; private init; }

    public Guid? ContactId { get; private init; }

    public DateOnly RequestedOn { get; private init; }

    public string Reason { get; private init; }

    public EarlyHelpRequestStatus Status { get; private set; } = EarlyHelpRequestStatus.Pending;

    public IReadOnlyList<EarlyHelpRequestChild> Children => children;

    public void Withdraw()
    {
        if (Status != EarlyHelpRequestStatus.Pending)
        {
            throw new DomainRuleException("Only a pending request can be withdrawn", "Status");
        }

        Status = EarlyHelpRequestStatus.Withdrawn;
    }

    public void Accept()
    {
        if (Status != EarlyHelpRequestStatus.Pending)
        {
            throw new DomainRuleException("Only a pending request can be accepted", "Status");
        }

        Status = EarlyHelpRequestStatus.Accepted;
    }
}

public sealed class EarlyHelpRequestChild : IPartOf<EarlyHelpRequest>
{
    private EarlyHelpRequestChild()
    {
    }

    internal EarlyHelpRequestChild(Guid requestId, Guid childId)
    {
        RequestId = requestId;
        ChildId = childId;
    }

    public Guid RequestId { get; private init; }

    Guid IPartOf.RootId => RequestId;

    public Guid ChildId { get; private init; }
}
