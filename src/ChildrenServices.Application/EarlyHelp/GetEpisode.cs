using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>One family's early help: children, keyworker, the assessment, the plan and its reviews. Viewing it is audited on each child.</summary>
public static class GetEpisode
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid EpisodeId) : IQuery<Result>, IEpisodeScoped, IAudited;

    public sealed record Result(
        Guid Id,
        Guid Version,
        string FamilyName,
        EpisodeKind Kind,
        SupportReason? SupportReason,
        EpisodeStart Start,
        DateOnly StartedOn,
        string TeamName,
        Guid KeyworkerId,
        string KeyworkerName,
        DateOnly? EndedOn,
        EpisodeEndReason? EndReason,
        string? EndSummary,
        IReadOnlyList<ChildRow> Children,
        EarlyHelpAssessment Assessment,
        FamilyPlan Plan,
        bool CanRecord)
    {
        public bool IsOpen => EndedOn is null;

        public string ChildName(Guid id) => Children.FirstOrDefault(c => c.Id == id)?.Name ?? "Unknown";
    }

    public sealed record ChildRow(Guid Id, string Name, DateOnly? DateOfBirth);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var e = await db.EarlyHelpEpisodes.AsNoTracking().Include(x => x.Children).SingleAsync(x => x.Id == query.EpisodeId, cancellationToken);
            var assessment = await db.EarlyHelpAssessments.AsNoTracking().Include(a => a.Voices).SingleAsync(a => a.EpisodeId == e.Id, cancellationToken);
            var plan = await db.FamilyPlans.AsNoTracking().Include(p => p.Goals).ThenInclude(g => g.Actions).Include(p => p.Reviews).ThenInclude(r => r.Progress)
                .AsSplitQuery().SingleAsync(p => p.EpisodeId == e.Id, cancellationToken);
            var childIds = e.Children.Select(c => c.ChildId).ToList();
            var children = await db.People.Where(p => childIds.Contains(p.Id)).OrderBy(p => p.DateOfBirth)
                .Select(p => new ChildRow(p.Id, p.GivenNames + " " + p.FamilyName, p.DateOfBirth)).ToListAsync(cancellationToken);
            var team = await db.Teams.Where(t => t.Id == e.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
            var keyworker = await db.Staff.Where(s => s.Id == e.KeyworkerId).Select(s => s.DisplayName).SingleAsync(cancellationToken);
            return new Result(e.Id, e.Version, e.FamilyName, e.Kind, e.SupportReason, e.Start, e.StartedOn, team, e.KeyworkerId, keyworker, e.EndedOn, e.EndReason, e.EndSummary,
                children, assessment, plan, await access.CanRecordEpisodeAsync(e.Id, cancellationToken));
        }
    }
}
