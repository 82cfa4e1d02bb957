using ChildrenServices.Application.Security;
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
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query(CollectionYear Year) : IQuery<Result>;

    /// <param name="LaNumberSet">The return settings hold the council's LA number, without which no file can be made.</param>
    /// <param name="SchemaPublished">The DfE's schema for the year is in the product, so the file is checked against it too.</param>
    public sealed record Result(
        CollectionYear Year, int Children, int Episodes, int Errors, int Queries, IReadOnlyList<Failure> Failures, bool LaNumberSet, bool SchemaPublished);

    /// <param name="ChildName">Null when the record is restricted and the viewer is not on its allow-list (or it has no name).</param>
    /// <param name="PersonId">Null for a return-wide rule, and for a restricted child the viewer may not see.</param>
    public sealed record Failure(CensusRule Rule, Guid? PersonId, string? LocalId, string? ChildName, Guid? RecordId, bool Hidden);

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var reader = new CinCensusReader(db);
            var rules = new CensusRules(query.Year, WorkingDayCalendar.EnglandAndWales);
            var whole = rules.StartReturn();
            var failures = new List<CensusFailure>();
            var children = 0;
            var episodes = 0;
            await foreach (var child in reader.ReadAsync(query.Year, cancellationToken))
            {
                children++;
                episodes += child.Episodes.Count;
                whole.Add(child);
                failures.AddRange(rules.Check(child));
            }

            failures.AddRange(whole.Finish());

            var named = await NamesAsync(failures.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value).Distinct().ToList(), me, cancellationToken);
            var rows = failures
                .OrderBy(f => f.Rule.Severity).ThenBy(f => f.Rule.Code, StringComparer.Ordinal).ThenBy(f => f.LocalId, StringComparer.Ordinal)
                .Select(f =>
                {
                    var visible = f.PersonId is { } id && named.ContainsKey(id);
                    var hidden = f.PersonId is not null && !visible;
                    return new Failure(
                        f.Rule, hidden ? null : f.PersonId, hidden ? null : f.LocalId, visible ? named[f.PersonId!.Value] : null, hidden ? null : f.RecordId, hidden);
                })
                .ToList();

            var laNumber = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(cancellationToken);
            return new Result(
                query.Year, children, episodes,
                failures.Count(f => f.Rule.Severity == RuleSeverity.Error), failures.Count(f => f.Rule.Severity == RuleSeverity.Query),
                rows, !string.IsNullOrEmpty(laNumber), CinCensusXml.SchemaFor(query.Year) is not null);
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
