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
    /// <param name="TeamId">Lists only the failures of children whose lead worker is in this team (the counts stay whole).</param>
    /// <param name="WorkerId">Lists only the failures of children this worker leads.</param>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query(CollectionYear Year, Guid? TeamId = null, Guid? WorkerId = null) : IQuery<Result>;

    /// <param name="LaNumberSet">The return settings hold the council's LA number, without which no file can be made.</param>
    /// <param name="SchemaPublished">The DfE's schema for the year is in the product, so the file is checked against it too.</param>
    public sealed record Result(CollectionYear Year, int Children, int Episodes, ReturnFailures.Listing Listing, bool LaNumberSet, bool SchemaPublished)
    {
        public int Errors => Listing.Errors;

        public int Queries => Listing.Queries;

        public IReadOnlyList<ReturnFailures.Failure> Failures => Listing.Failures;

        public IReadOnlyList<ReturnFailures.WorkerFailures> ByWorker => Listing.ByWorker;

        public IReadOnlyList<ReturnFailures.RuleFailures> ByRule => Listing.ByRule;
    }

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

            var listing = await ReturnFailures.ListAsync(db, me, failures, query.TeamId, query.WorkerId, cancellationToken);
            var laNumber = await db.ReturnSettings.AsNoTracking().Select(s => s.LaNumber).FirstOrDefaultAsync(cancellationToken);
            return new Result(query.Year, whole.Children, whole.Episodes, listing, !string.IsNullOrEmpty(laNumber), CinCensusXml.SchemaFor(query.Year) is not null);
        }
    }
}
