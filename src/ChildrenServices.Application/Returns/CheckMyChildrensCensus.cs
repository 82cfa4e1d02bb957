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
/// lead break in the collection year running now, each with the record to open. The same readers and rules as the
/// officer's pages (<see cref="CheckCinCensus"/>, <see cref="CheckSsda903"/>), for the worker's children only, so what they
/// put right leaves both lists the moment it is saved.
/// </summary>
public static class CheckMyChildrensCensus
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query : IQuery<Result>;

    /// <param name="Children">The children they lead in the CIN census.</param>
    /// <param name="LookedAfter">The children they lead in the SSDA903 return.</param>
    public sealed record Result(CollectionYear Year, int Children, int LookedAfter, IReadOnlyList<Row> Failures);

    /// <param name="Return">"CIN census" or "SSDA903".</param>
    public sealed record Row(string Return, CensusRule Rule, Guid PersonId, string ChildName, string? LocalId);

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
            var children = (await new CinCensusReader(db).BatchAsync(year, [.. mine.Keys], cancellationToken)).Where(c => c.Episodes.Count > 0).ToList();
            var lacRules = new Ssda903Rules(year);
            var lookedAfter = (await new Ssda903Reader(db).BatchAsync(year, [.. mine.Keys], cancellationToken)).Where(c => c.EpisodesIn(year).Count > 0).ToList();
            var failures = children.SelectMany(c => rules.Check(c)).Select(f => (Return: "CIN census", Failure: f))
                .Concat(lookedAfter.SelectMany(c => lacRules.Check(c)).Select(f => (Return: "SSDA903", Failure: f)))
                .Select(f => new Row(f.Return, f.Failure.Rule, f.Failure.PersonId!.Value, mine[f.Failure.PersonId!.Value], f.Failure.LocalId))
                .OrderBy(r => r.Rule.Severity).ThenBy(r => r.ChildName, StringComparer.Ordinal).ThenBy(r => r.Return, StringComparer.Ordinal).ThenBy(r => r.Rule.Code, StringComparer.Ordinal)
                .ToList();
            return new Result(year, children.Count, lookedAfter.Count, failures);
        }
    }
}
