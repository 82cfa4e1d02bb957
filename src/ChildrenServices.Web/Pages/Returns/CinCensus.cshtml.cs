using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// The CIN census for a collection year: checked against the DfE's rules as the page opens (every failure with its child and
/// the record to open), and downloaded as the DfE's XML, with outstanding errors confirmed first.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class CinCensusModel(ISender sender, TimeProvider clock) : ReturnPageModel(clock)
{
    public CheckCinCensus.Result? Check { get; private set; }

    public override ReturnFailures.Listing? Listing => Check?.Listing;

    public override IReadOnlyList<CensusRule> Rules => CensusRules.All;

    protected override async Task CheckAsync(CollectionYear year) => Check = await sender.Send(new CheckCinCensus.Query(year, Team, Worker));

    protected override async Task<(string Path, string Name, string ContentType)> ProduceAsync(CollectionYear year, bool confirmErrors)
    {
        var made = await sender.Send(new ProduceCinCensus.Command(year, confirmErrors));
        return (made.Path, made.FileName, "application/xml");
    }
}
