using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Approvals;

/// <summary>Step-up and step-down requests about a child, decided or not: on the record for ever.</summary>
public static class GetChildApprovals
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<IReadOnlyList<Row>>, IPersonScoped;

    public sealed record Row(ApprovalKind Kind, ApprovalStatus Status, string RequestedBy, DateTime RequestedAtUtc, string Reasons, string? DecidedBy, DateTime? DecidedAtUtc, string? Rationale);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ApprovalRequests.AsNoTracking()
                .Where(a => a.Children.Any(c => c.ChildId == query.PersonId))
                .OrderByDescending(a => a.RequestedAtUtc)
                .Select(a => new Row(a.Kind, a.Status,
                    db.Staff.Where(s => s.Id == a.RequestedById).Select(s => s.DisplayName).First(), a.RequestedAtUtc, a.Reasons,
                    db.Staff.Where(s => s.Id == a.DecidedById).Select(s => s.DisplayName).FirstOrDefault(), a.DecidedAtUtc, a.Rationale))
                .ToListAsync(cancellationToken);
    }
}
