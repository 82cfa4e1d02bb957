using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// A worker's own share of the returns' checks: the DfE rules of the CIN census and the SSDA903 return that the children they
/// lead break in the collection year running now, and from April to July also in the year just ended (the months the
/// officers make its returns), each with the record to open. The same readers and rules as the
/// officer's pages (<see cref="CheckCinCensus"/>, <see cref="CheckSsda903"/>), for the worker's children only, so what they
/// put right leaves both lists the moment it is saved.
/// </summary>
public static class CheckMyChildrensCensus
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query : IQuery<Result>;

    /// <summary>The last month of the year just ended's returns: to the end of July its failures are listed too.</summary>
    public const int LastMonthOfTheLastYearsReturns = 7;

    /// <param name="Years">The years checked, the running one first.</param>
    /// <param name="Children">The children they lead in the CIN census (of any year checked).</param>
    /// <param name="LookedAfter">The children they lead in the SSDA903 return (of any year checked).</param>
    public sealed record Result(IReadOnlyList<CollectionYear> Years, int Children, int LookedAfter, IReadOnlyList<Row> Failures);

    /// <param name="Return">"CIN census" or "SSDA903".</param>
    public sealed record Row(CollectionYear Year, string Return, CensusRule Rule, Guid PersonId, string ChildName, string? LocalId);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var today = UkTime.Today(clock);
            var running = CollectionYear.Containing(today);
            IReadOnlyList<CollectionYear> years = today.Month is >= 4 and <= LastMonthOfTheLastYearsReturns && running.StartYear > CollectionYear.Earliest
                ? [running, new CollectionYear(running.StartYear - 1)]
                : [running];
            var mine = await db.People.AsNoTracking()
                .Where(p => db.Allocations.Any(a => a.ChildId == p.Id && a.WorkerId == me && a.EndedOn == null && a.Role == AllocationRole.Lead))
                .Where(RecordAccess.VisibleTo(me))
                .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName })
                .ToDictionaryAsync(p => p.Id, p => p.Name.Trim(), cancellationToken);

            var rows = new List<Row>();
            var (inNeed, lookedAfter) = (new HashSet<Guid>(), new HashSet<Guid>());
            foreach (var year in years)
            {
                var rules = new CensusRules(year, WorkingDayCalendar.EnglandAndWales);
                var children = (await new CinCensusReader(db).BatchAsync(year, [.. mine.Keys], cancellationToken)).Where(c => c.Episodes.Count > 0).ToList();
                var lacRules = new Ssda903Rules(year);
                var looked = (await new Ssda903Reader(db).BatchAsync(year, [.. mine.Keys], cancellationToken)).Where(c => c.EpisodesIn(year).Count > 0).ToList();
                inNeed.UnionWith(children.Select(c => c.PersonId));
                lookedAfter.UnionWith(looked.Select(c => c.PersonId));
                rows.AddRange(children.SelectMany(c => rules.Check(c)).Select(f => (Return: "CIN census", Failure: f))
                    .Concat(looked.SelectMany(c => lacRules.Check(c)).Select(f => (Return: "SSDA903", Failure: f)))
                    .Select(f => new Row(year, f.Return, f.Failure.Rule, f.Failure.PersonId!.Value, mine[f.Failure.PersonId!.Value], f.Failure.LocalId)));
            }

            var failures = rows
                .OrderBy(r => r.Rule.Severity).ThenByDescending(r => r.Year.StartYear).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.Return, StringComparer.Ordinal).ThenBy(r => r.Rule.Code, StringComparer.Ordinal)
                .ToList();
            return new Result(years, inNeed.Count, lookedAfter.Count, failures);
        }
    }
}
