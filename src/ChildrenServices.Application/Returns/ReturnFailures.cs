using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Returns.Cin;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// A return's failures as a data-quality page lists them, whichever return they come from (the CIN census, SSDA903): each
/// naming its child to those who may see the record (a restricted child is counted and its failure listed, never named, to
/// anyone off its allow-list), the lead worker and team holding the child now, shared out by worker and counted by rule.
/// </summary>
public static class ReturnFailures
{
    /// <param name="Failures">Every failure, or the chosen team's or worker's, errors first.</param>
    /// <param name="ByWorker">The failures shared out by the lead worker holding each child, team by team, to hand out.</param>
    public sealed record Listing(int Errors, int Queries, IReadOnlyList<Failure> Failures, IReadOnlyList<WorkerFailures> ByWorker, IReadOnlyList<RuleFailures> ByRule);

    public sealed record RuleFailures(CensusRule Rule, int Failures);

    /// <param name="ChildName">Null when the record is restricted and the viewer is not on its allow-list (or it has no name).</param>
    /// <param name="PersonId">Null for a return-wide rule, and for a restricted child the viewer may not see.</param>
    /// <param name="Worker">The child's lead worker now, and their team; null when nobody leads the child.</param>
    public sealed record Failure(CensusRule Rule, Guid? PersonId, string? LocalId, string? ChildName, Guid? RecordId, bool Hidden, Holder? Worker);

    public sealed record Holder(Guid WorkerId, string Worker, Guid TeamId, string Team);

    /// <param name="Holder">Null for the children nobody leads (and the return-wide rules).</param>
    public sealed record WorkerFailures(Holder? Holder, int Errors, int Queries);

    /// <summary>
    /// Lists the failures for the viewer <paramref name="me"/>: all of them, or only those of children led in
    /// <paramref name="teamId"/> or by <paramref name="workerId"/> (a hidden restricted child's failure names no worker, so
    /// it leaves those lists). The counts stay whole.
    /// </summary>
    public static async Task<Listing> ListAsync(IAppDbContext db, Guid me, IReadOnlyList<CensusFailure> failures, Guid? teamId, Guid? workerId, CancellationToken ct)
    {
        var failing = failures.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value).Distinct().ToList();
        var named = await NamesAsync(db, failing, me, ct);
        var holders = await HoldersAsync(db, failing, ct);
        Holder? HolderOf(CensusFailure f) => f.PersonId is { } id ? holders.GetValueOrDefault(id) : null;
        var byWorker = failures
            .GroupBy(HolderOf)
            .Select(g => new WorkerFailures(g.Key, g.Count(f => f.Rule.Severity == RuleSeverity.Error), g.Count(f => f.Rule.Severity == RuleSeverity.Query)))
            .OrderBy(w => w.Holder is null).ThenBy(w => w.Holder?.Team, StringComparer.Ordinal).ThenBy(w => w.Holder?.Worker, StringComparer.Ordinal)
            .ToList();
        var rows = failures
            .Where(f => (teamId is null || HolderOf(f)?.TeamId == teamId) && (workerId is null || HolderOf(f)?.WorkerId == workerId))
            .Where(f => (teamId is null && workerId is null) || f.PersonId is not { } id || named.ContainsKey(id))
            .OrderBy(f => f.Rule.Severity).ThenBy(f => f.Rule.Code, StringComparer.Ordinal).ThenBy(f => f.LocalId, StringComparer.Ordinal)
            .Select(f =>
            {
                var visible = f.PersonId is { } id && named.ContainsKey(id);
                var hidden = f.PersonId is not null && !visible;
                return new Failure(
                    f.Rule, hidden ? null : f.PersonId, hidden ? null : f.LocalId, visible ? named[f.PersonId!.Value] : null, hidden ? null : f.RecordId, hidden, hidden ? null : HolderOf(f));
            })
            .ToList();
        return new Listing(
            failures.Count(f => f.Rule.Severity == RuleSeverity.Error), failures.Count(f => f.Rule.Severity == RuleSeverity.Query),
            rows, byWorker,
            [.. failures.GroupBy(f => f.Rule).Select(g => new RuleFailures(g.Key, g.Count())).OrderBy(r => r.Rule.Severity).ThenBy(r => r.Rule.Code, StringComparer.Ordinal)]);
    }

    /// <summary>Each failing child's lead worker now and the team they lead it in, a batch at a time.</summary>
    private static async Task<Dictionary<Guid, Holder>> HoldersAsync(IAppDbContext db, List<Guid> ids, CancellationToken ct)
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
    private static async Task<Dictionary<Guid, string>> NamesAsync(IAppDbContext db, List<Guid> ids, Guid me, CancellationToken ct)
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
