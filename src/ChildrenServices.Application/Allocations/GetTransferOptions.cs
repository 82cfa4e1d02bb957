using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

/// <summary>What a manager needs to transfer a child: their team holding the case, the other teams, and who moves too.</summary>
public static class GetTransferOptions
{
    [RequiresPermission(Permission.AllocateWork)]
    public sealed record Query(Guid PersonId) : IQuery<Result>, IPersonScoped;

    public sealed record Option(Guid Id, string Name);

    public sealed record Result(Option? FromTeam, IReadOnlyList<Option> Teams, IReadOnlyList<Option> Siblings, IReadOnlyList<Option> FamilyInEpisode, string? PendingTo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var pending = await db.CaseTransfers.Where(t => t.Status == TransferStatus.Pending && t.Children.Any(c => c.ChildId == query.PersonId))
                .Select(t => db.Teams.Where(x => x.Id == t.ToTeamId).Select(x => x.Name).First()).FirstOrDefaultAsync(cancellationToken);
            var from = await TransferScope.SendingTeamAsync(db, me, query.PersonId, cancellationToken);
            if (from is null)
            {
                return new Result(null, [], [], [], pending);
            }

            var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new Option(t.Id, t.Name)).ToListAsync(cancellationToken);
            var family = await TransferScope.FamilyInEpisodeAsync(db, query.PersonId, from.Value, cancellationToken);
            var siblings = (await TransferScope.SiblingsHeldByAsync(db, access, query.PersonId, from.Value, cancellationToken)).Except(family).ToList();
            var ids = siblings.Concat(family).Where(id => id != query.PersonId).ToList();
            var names = await db.People.Where(p => ids.Contains(p.Id)).OrderBy(p => p.GivenNames)
                .Select(p => new Option(p.Id, p.GivenNames + " " + p.FamilyName)).ToListAsync(cancellationToken);
            return new Result(
                teams.Single(t => t.Id == from),
                teams.Where(t => t.Id != from).ToList(),
                names.Where(n => siblings.Contains(n.Id)).ToList(),
                names.Where(n => family.Contains(n.Id)).ToList(),
                pending);
        }
    }
}
