using ChildrenServices.Domain.Allocations;
using ChildrenServices.Infrastructure.Persistence;

namespace ChildrenServices.DemoData;

/// <summary>
/// The one place the demo seed makes a back-dated allocation with the domain's constructor (the
/// AllocateWorker use case allocates from today, and the demo needs caseloads that started months ago).
/// When the child's case aggregate owns allocations, this is the line to re-point.
/// </summary>
internal static class DemoAllocations
{
    public static void Add(AppDbContext db, Guid child, Guid worker, Guid team, AllocationRole role, DateOnly since, Guid allocatedBy) =>
        db.Allocations.Add(new Allocation(child, worker, team, role, since, allocatedBy, role == AllocationRole.Lead ? "FCONTA" : null));
}
