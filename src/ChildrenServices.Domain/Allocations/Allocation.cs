using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Allocations;

public enum AllocationRole
{
    Lead = 1,
    CoWorker = 2,
}

/// <summary>
/// A worker and team holding a child's case over a period. A child has at most one lead at a time;
/// co-workers (a keyworker alongside a social worker) sit beside the lead.
/// </summary>
public sealed class Allocation : Aggregate
{
    private Allocation()
    {
    }

    public Allocation(Guid childId, Guid workerId, Guid teamId, AllocationRole role, DateOnly startedOn, Guid allocatedById, string? leadReason = null)
    {
        LeadReason = role == AllocationRole.Lead ? leadReason : null;
        ChildId = childId;
        WorkerId = workerId;
        TeamId = teamId;
        Role = role;
        StartedOn = startedOn;
        AllocatedById = allocatedById;
    }

    public Guid ChildId { get; private init; }

    public Guid WorkerId { get; private init; }

    public Guid TeamId { get; private init; }

    public AllocationRole Role { get; private set; }

    public DateOnly StartedOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public Guid AllocatedById { get; private init; }

    /// <summary>
    /// Why this worker became the child's lead worker: the DfE's reason for a change of social worker (SSDA903 SWEpisodes
    /// SW_REASON, <see cref="Codes.Ssda903Codes.SocialWorkerChangeReason"/>). Null on co-working, and on leads recorded
    /// before it was asked.
    /// </summary>
    public string? LeadReason { get; private init; }

    public bool IsActive => EndedOn is null;

    /// <summary>Another worker now leads (a social worker after a step-up); this one stays alongside.</summary>
    public void BecomeCoWorker() => Role = AllocationRole.CoWorker;

    /// <summary>The lead has gone (a step-down): this worker now leads.</summary>
    public void BecomeLead() => Role = AllocationRole.Lead;

    /// <summary>
    /// Corrects the day this allocation started (a lead's is SSDA903 SW_DECOM): not in the future, not after it ended. A
    /// lead that took over from <paramref name="previousLead"/> the day after it ended keeps that handover: the previous
    /// lead now ends the day before the corrected start, and neither episode may shrink to nothing (SW08, SW09, SW10).
    /// Returns the date it replaces.
    /// </summary>
    public DateOnly CorrectStart(DateOnly startedOn, Allocation? previousLead, DateOnly today)
    {
        if (startedOn == StartedOn)
        {
            throw new DomainRuleException("That is the date already recorded: enter the correct date", "HeldOn");
        }

        if (startedOn > today)
        {
            throw new DomainRuleException("The start must be today or in the past", "HeldOn");
        }

        if (EndedOn is { } ended && startedOn > ended)
        {
            throw new DomainRuleException($"The allocation ended on {ended:d MMMM yyyy}: it cannot start after that", "HeldOn");
        }

        var handedOver = previousLead is { EndedOn: { } previousEnd } && Role == AllocationRole.Lead && previousEnd >= StartedOn.AddDays(-1) && previousEnd <= StartedOn;
        if (handedOver && startedOn <= previousLead!.StartedOn)
        {
            throw new DomainRuleException($"The previous lead worker started on {previousLead.StartedOn:d MMMM yyyy}: this lead must start after that", "HeldOn");
        }

        if (!handedOver && Role == AllocationRole.Lead && previousLead is { EndedOn: { } earlierEnd } && startedOn <= earlierEnd)
        {
            throw new DomainRuleException($"The child's previous lead worker was allocated until {earlierEnd:d MMMM yyyy}: two leads cannot overlap", "HeldOn");
        }

        var old = StartedOn;
        if (handedOver)
        {
            previousLead!.EndedOn = startedOn.AddDays(-1);
        }

        StartedOn = startedOn;
        return old;
    }

    public void End(DateOnly on)
    {
        if (on < StartedOn)
        {
            throw new DomainRuleException("The end date cannot be before the allocation started", "EndedOn");
        }

        EndedOn = on;
    }
}
