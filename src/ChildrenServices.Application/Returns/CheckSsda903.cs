using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using Mediator;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// The SSDA903 return for a year checked against the DfE's rules before it leaves: how many children and episodes it holds,
/// every failure (errors before queries) with its child, its lead worker and the record to open, and how many children the
/// files the product does not yet fill would hold.
/// </summary>
public static class CheckSsda903
{
    /// <param name="TeamId">Lists only the failures of children whose lead worker is in this team (the counts stay whole).</param>
    /// <param name="WorkerId">Lists only the failures of children this worker leads.</param>
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query(CollectionYear Year, Guid? TeamId = null, Guid? WorkerId = null) : IQuery<Result>;

    /// <param name="LookedAfterForAYear">Children looked after continuously for 12 months at 31 March: the OC2 file's rows.</param>
    /// <param name="Adopted">Children adopted in the year: the AD1 file's rows.</param>
    /// <param name="PlacedForAdoption">Children placed for adoption or under a placement order in the year: at least the PlacedAdoption file's rows.</param>
    public sealed record Result(
        CollectionYear Year, int Children, int Episodes, ReturnFailures.Listing Listing, int LookedAfterForAYear, int Adopted, int PlacedForAdoption)
    {
        public int Errors => Listing.Errors;

        public int Queries => Listing.Queries;
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = user.RequireUserId();
            var year = query.Year;
            var whole = new Ssda903Rules(year).StartReturn();
            var failures = new List<CensusFailure>();
            var (forAYear, adopted, placed) = (0, 0, 0);
            await foreach (var child in new Ssda903Reader(db).ReadAsync(year, cancellationToken))
            {
                failures.AddRange(whole.Add(child));
                forAYear += LacCohorts.LookedAfterForAYear(child, year) ? 1 : 0;
                adopted += LacCohorts.AdoptedIn(child, year) ? 1 : 0;
                placed += LacCohorts.PlacedForAdoptionIn(child, year) ? 1 : 0;
            }

            failures.AddRange(whole.Finish());
            var listing = await ReturnFailures.ListAsync(db, me, failures, query.TeamId, query.WorkerId, cancellationToken);
            return new Result(year, whole.Children, whole.Episodes, listing, forAYear, adopted, placed);
        }
    }
}
