using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Allocations;

/// <summary>
/// The independent reviewing officer allocated to a child (Care Planning regulations, regulation 45;
/// the IRO Handbook: the same IRO chairs the child's reviews for continuity). It is not a case
/// allocation: the officer is independent of the case, never holds it and has no caseload in a team.
/// A child has at most one current reviewing officer; a new one ends the last the day before.
/// </summary>
public sealed class ReviewingOfficerAllocation : Aggregate
{
    private ReviewingOfficerAllocation()
    {
    }

    public ReviewingOfficerAllocation(Guid childId, Guid officerId, DateOnly startedOn, Guid allocatedById)
    {
        if (officerId == Guid.Empty)
        {
            throw new DomainRuleException("Select the independent reviewing officer", "OfficerId");
        }

        ChildId = childId;
        OfficerId = officerId;
        StartedOn = startedOn;
        AllocatedById = allocatedById;
    }

    public Guid ChildId { get; private init; }

    public Guid OfficerId { get; private init; }

    public DateOnly StartedOn { get; private init; }

    public DateOnly? EndedOn { get; private set; }

    public Guid AllocatedById { get; private init; }

    public void End(DateOnly on)
    {
        if (on < StartedOn)
        {
            throw new DomainRuleException("The end date cannot be before the reviewing officer was allocated", "EndedOn");
        }

        EndedOn = on;
    }
}
