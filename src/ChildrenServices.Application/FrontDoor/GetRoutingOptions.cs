using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Teams;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Where front-door work can go: assessment and early help teams, and who works the front door.</summary>
public static class GetRoutingOptions
{
    [RequiresPermission(Permission.ViewFrontDoor)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Option> AssessmentTeams, IReadOnlyList<Option> EarlyHelpTeams, IReadOnlyList<Option> FrontDoorPractitioners, IReadOnlyList<Option>? Keyworkers = null)
    {
        public string NameOf(Guid? id) =>
            AssessmentTeams.Concat(EarlyHelpTeams).Concat(FrontDoorPractitioners).Concat(Keyworkers ?? []).FirstOrDefault(o => o.Id == id)?.Name ?? "Not chosen";
    }

    public sealed record Option(Guid Id, string Name);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(cancellationToken);
            var frontDoorIds = teams.Where(t => t.Kind == TeamKind.FrontDoor).Select(t => t.Id).ToList();
            var practitioners = await db.Teams.Where(t => frontDoorIds.Contains(t.Id)).SelectMany(t => t.Members)
                .Join(db.Staff, m => m.UserId, s => s.Id, (m, s) => new { s.Id, s.DisplayName })
                .Distinct().ToListAsync(cancellationToken);
            var earlyHelpIds = teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => t.Id).ToList();
            var keyworkers = await db.Teams.Where(t => earlyHelpIds.Contains(t.Id)).SelectMany(t => t.Members.Where(m => m.UserId != t.ManagerId))
                .Join(db.Staff, m => m.UserId, s => s.Id, (m, s) => new { s.Id, s.DisplayName }).Distinct().ToListAsync(cancellationToken);
            return new Result(
                teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => new Option(t.Id, t.Name)).ToList(),
                teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => new Option(t.Id, t.Name)).ToList(),
                practitioners.OrderBy(p => p.DisplayName).Select(p => new Option(p.Id, p.DisplayName)).ToList(),
                keyworkers.OrderBy(k => k.DisplayName).Select(k => new Option(k.Id, k.DisplayName)).ToList());
        }
    }
}
