using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Allocations;

public enum TransferStatus
{
    /// <summary>The sending team still holds the case until the receiving team allocates.</summary>
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>
/// A case moving between teams with a handover note. The sending team keeps the case — the family
/// never has no worker — until a manager of the receiving team accepts it and names the new worker,
/// or declines with a reason. A family's children move together.
/// </summary>
public sealed class CaseTransfer : Aggregate
{
    public const int TextLimit = 10_000;

    private readonly List<TransferChild> children = [];

    private CaseTransfer()
    {
        HandoverNote = string.Empty;
    }

    public CaseTransfer(Guid fromTeamId, Guid toTeamId, IEnumerable<Guid> childIds, string handoverNote, Guid requestedById, DateTime requestedAtUtc)
    {
        if (fromTeamId == toTeamId)
        {
            throw new DomainRuleException("Choose a different team: the case is already with this one", "ToTeamId");
        }

        if (string.IsNullOrWhiteSpace(handoverNote))
        {
            throw new DomainRuleException("Write the handover note for the new team", "HandoverNote");
        }

        FromTeamId = fromTeamId;
        ToTeamId = toTeamId;
        HandoverNote = handoverNote.Trim();
        RequestedById = requestedById;
        RequestedAtUtc = requestedAtUtc;
        children.AddRange(childIds.Distinct().Select(id => new TransferChild(Id, id)));
        if (children.Count == 0)
        {
            throw new DomainRuleException("Choose the children who move", "ChildIds");
        }
    }

    public Guid FromTeamId { get; private init; }

    public Guid ToTeamId { get; private init; }

    /// <summary>What the new team needs to know: risks, the plan, what is outstanding, the family's views.</summary>
    public string HandoverNote { get; private init; }

    public Guid RequestedById { get; private init; }

    public DateTime RequestedAtUtc { get; private init; }

    public TransferStatus Status { get; private set; } = TransferStatus.Pending;

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Accepted: the worker the receiving manager allocated.</summary>
    public Guid? NewWorkerId { get; private set; }

    /// <summary>Declined: why, for the sending manager.</summary>
    public string? DeclineReason { get; private set; }

    public IReadOnlyList<TransferChild> Children => children;

    public void Accept(Guid newWorkerId, Guid managerId, bool managesReceivingTeam, DateTime nowUtc)
    {
        EnsureMine(managesReceivingTeam);
        Status = TransferStatus.Accepted;
        Decided();
        NewWorkerId = newWorkerId;
        DecidedById = managerId;
        DecidedAtUtc = nowUtc;
    }

    public void Decline(string reason, Guid managerId, bool managesReceivingTeam, DateTime nowUtc)
    {
        EnsureMine(managesReceivingTeam);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the transfer is declined", "Reason");
        }

        Status = TransferStatus.Declined;
        Decided();
        DeclineReason = reason.Trim();
        DecidedById = managerId;
        DecidedAtUtc = nowUtc;
    }

    private void Decided()
    {
        foreach (var child in children)
        {
            child.Decided();
        }
    }

    private void EnsureMine(bool managesReceivingTeam)
    {
        if (Status != TransferStatus.Pending)
        {
            throw new DomainRuleException("This transfer has already been accepted or declined", "Transfer");
        }

        if (!managesReceivingTeam)
        {
            throw new DomainRuleException("Only a manager of the receiving team can accept or decline a transfer", "Transfer");
        }
    }
}

public sealed class TransferChild : IPartOf<CaseTransfer>
{
    private TransferChild()
    {
    }

    internal TransferChild(Guid transferId, Guid childId)
    {
        TransferId = transferId;
        ChildId = childId;
        IsPending = true;
    }

    public Guid TransferId { get; private init; }

    Guid IPartOf.RootId => TransferId;

    public Guid ChildId { get; private init; }

    /// <summary>True while the transfer waits for the receiving team: a unique index allows one such row per child.</summary>
    public bool IsPending { get; private set; }

    internal void Decided() => IsPending = false;
}
