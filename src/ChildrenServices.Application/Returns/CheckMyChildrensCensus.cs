using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// A worker's own share of the CIN census checks: the DfE rules the children they lead break in the collection year
/// running now, each with the record to open. The same reader and rules as the officer's census (<see cref="CheckCinCensus"/>),
/// for the worker's children only, so what they put right leaves both lists the moment it is saved.
/// </summary>
public static class CheckMyChildrensCensus
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(CollectionYear Year, int Children, IReadOnlyList<Row> Failures);

    public sealed record Row(CensusRule Rule, Guid PersonId, string ChildName, string? LocalId);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var year = CollectionYear.Containing(UkTime.Today(clock));
            var mine = await db.People.AsNoTracking()
                .Where(p => db.Allocations.Any(a => a.ChildId == p.Id && a.WorkerId == me && a.EndedOn == null && a.Role == AllocationRole.Lead))
                .Where(RecordAccess.VisibleTo(me))
                .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName })
                .ToDictionaryAsync(p => p.Id, p => p.Name.Trim(), cancellationToken);

            var rules = new CensusRules(year, WorkingDayCalendar.EnglandAndWales);
            var children = await new CinCensusReader(db).BatchAsync(year, [.. mine.Keys], cancellationToken);
            var failures = children
                .Where(c => c.Episodes.Count > 0)
                .SelectMany(c => rules.Check(c))
                .Select(f => new Row(f.Rule, f.PersonId!.Value, mine[f.PersonId!.Value], f.LocalId))
                .OrderBy(r => r.Rule.Severity).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.Rule.Code, StringComparer.Ordinal)
                .ToList();
            return new Result(year, children.Count(c => c.Episodes.Count > 0), failures);
        }
    }
}
