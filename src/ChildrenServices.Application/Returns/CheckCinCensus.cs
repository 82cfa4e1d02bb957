using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// The CIN census for a year checked against the DfE's rules before it leaves: how many children and episodes it holds,
/// and every failure, errors before queries, each naming its child (to those who may see the record: a restricted child
/// is counted and its failure listed, never named, to anyone off its allow-list) and the record to open to put it right.
/// </summary>
public static class CheckCinCensus
{
    /// <param name="TeamId">Lists only the failures of children whose lead worker is in this team (the counts stay whole).</param>
    /// <param name="WorkerId">Lists only the failures of children this worker leads.</param>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query(CollectionYear Year, Guid? TeamId = null, Guid? WorkerId = null) : IQuery<Result>;

    /// <param name="LaNumberSet">The return settings hold the council's LA number, without which no file can be made.</param>
    /// <param name="SchemaPublished">The DfE's schema for the year is in the product, so the file is checked against it too.</param>
    /// <param name="Failures">Every failure, or the chosen team's or worker's, errors first.</param>
    /// <param name="ByWorker">The failures shared out by the lead worker holding each child, team by team, to hand out.</param>
    public sealed record Result(
        CollectionYear Year, int Children, int Episodes, int Errors, int Queries, IReadOnlyList<Failure> Failures, IReadOnlyList<WorkerFailures> ByWorker,
        IReadOnlyList<RuleFailures> ByRule, bool LaNumberSet, bool SchemaPublished);

    public sealed record RuleFailures(CensusRule Rule, int Failures);

    /// <param name="ChildName">Null when the record is restricted and the viewer is not on its allow-list (or it has no name).</param>
    /// <param name="PersonId">Null for a return-wide rule, and for a restricted child the viewer may not see.</param>
    /// <param name="Worker">The child's lead worker now, and their team; null when nobody leads the child.</param>
    public sealed record Failure(CensusRule Rule, Guid? PersonId, string? LocalId, string? ChildName, Guid? RecordId, bool Hidden, Holder? Worker);

    public sealed record Holder(Guid WorkerId, string Worker, Guid TeamId, string Team);

    /// <param name="Holder">Null for the children nobody leads (and the return-wide rules).</param>
    public sealed record WorkerFailures(Holder? Holder, int Errors, int Queries);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var reader = new CinCensusReader(db);
            var whole = new CensusRules(query.Year, WorkingDayCalendar.EnglandAndWales).StartReturn();
            var failures = new List<CensusFailure>();
            await foreach (var child in reader.ReadAsync(query.Year, cancellationToken))
            {
                failures.AddRange(whole.Add(child));
            }

            failures.AddRange(whole.Finish());

            var failing = failures.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value).Distinct().ToList();
            var named = await NamesAsync(failing, me, cancellationToken);
            var holders = await HoldersAsync(failing, cancellationToken);
            Holder? HolderOf(CensusFailure f) => f.PersonId is { } id ? holders.GetValueOrDefault(id) : null;
            var byWorker = failures
                .GroupBy(HolderOf)
                .Select(g => new WorkerFailures(g.Key, g.Count(f => f.Rule.Severity == RuleSeverity.Error), g.Count(f => f.Rule.Severity == RuleSeverity.Query)))
                .OrderBy(w => w.Holder is null).ThenBy(w => w.Holder?.Team, StringComparer.Ordinal).ThenBy(w => w.Holder?.Worker, StringComparer.Ordinal)
                .ToList();
            var rows = failures
                .Where(f => (query.TeamId is null || HolderOf(f)?.TeamId == query.TeamId) && (query.WorkerId is null || HolderOf(f)?.WorkerId == query.WorkerId))
                .Where(f => (query.TeamId is null && query.WorkerId is null) || f.PersonId is not { } id || named.ContainsKey(id))
                .OrderBy(f => f.Rule.Severity).ThenBy(f => f.Rule.Code, StringComparer.Ordinal).ThenBy(f => f.LocalId, StringComparer.Ordinal)
                .Select(f =>
                {
                    var visible = f.PersonId is { } id && named.ContainsKey(id);
                    var hidden = f.PersonId is not null && !visible;
                    return new Failure(
                        f.Rule, hidden ? null : f.PersonId, hidden ? null : f.LocalId, visible ? named[f.PersonId!.Value] : null, hidden ? null : f.RecordId, hidden, hidden ? null : HolderOf(f));
                })
                .ToList();

            var laNumber = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(cancellationToken);
            return new Result(
                query.Year, whole.Children, whole.Episodes,
                failures.Count(f => f.Rule.Severity == RuleSeverity.Error), failures.Count(f => f.Rule.Severity == RuleSeverity.Query),
                rows, byWorker,
                [.. failures.GroupBy(f => f.Rule).Select(g => new RuleFailures(g.Key, g.Count())).OrderBy(r => r.Rule.Severity).ThenBy(r => r.Rule.Code, StringComparer.Ordinal)],
                !string.IsNullOrEmpty(laNumber), CinCensusXml.SchemaFor(query.Year) is not null);
        }

        /// <summary>Each failing child's lead worker now and the team they lead it in, a batch at a time.</summary>
        private async Task<Dictionary<Guid, Holder>> HoldersAsync(List<Guid> ids, CancellationToken ct)
        {
            var holders = new Dictionary<Guid, Holder>();
            foreach (var batch in ids.Chunk(CinCensusReader.BatchSize))
            {
                var leads = await db.Allocations.AsNoTracking()
                    .Where(a => batch.Contains(a.ChildId) && a.EndedOn == null && a.Role == AllocationRole.Lead)
                    .Select(a => new
                    {
                        a.ChildId, a.WorkerId, a.TeamId,
                        Worker = db.Staff.Where(s => s.Id == a.WorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                        Team = db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault(),
                    })
                    .ToListAsync(ct);
                foreach (var lead in leads)
                {
                    holders[lead.ChildId] = new Holder(lead.WorkerId, lead.Worker ?? "A former member of staff", lead.TeamId, lead.Team ?? "A former team");
                }
            }

            return holders;
        }

        /// <summary>The names of the failing children the viewer may see (the record-access rule), a batch at a time.</summary>
        private async Task<Dictionary<Guid, string>> NamesAsync(List<Guid> ids, Guid me, CancellationToken ct)
        {
            var names = new Dictionary<Guid, string>();
            foreach (var batch in ids.Chunk(CinCensusReader.BatchSize))
            {
                var visible = await db.People.AsNoTracking().Where(p => batch.Contains(p.Id)).Where(RecordAccess.VisibleTo(me))
                    .Select(p => new { p.Id, Name = p.GivenNames + " " + p.FamilyName })
                    .ToListAsync(ct);
                foreach (var p in visible)
                {
                    names[p.Id] = p.Name.Trim();
                }
            }

            return names;
        }
    }
}
