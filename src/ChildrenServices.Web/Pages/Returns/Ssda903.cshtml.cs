using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// The SSDA903 (children looked after) return for a collection year: checked against the DfE's rules as the page opens,
/// with the files the product does not yet fill named, and downloaded as the DfE's CSV files in one zip, with outstanding
/// errors confirmed first.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class Ssda903Model(ISender sender, TimeProvider clock) : ReturnPageModel(clock)
{
    public CheckSsda903.Result? Check { get; private set; }

    public override ReturnFailures.Listing? Listing => Check?.Listing;

    public override IReadOnlyList<CensusRule> Rules => Ssda903Rules.All;

    protected override async Task CheckAsync(CollectionYear year) => Check = await sender.Send(new CheckSsda903.Query(year, Team, Worker));

    protected override async Task<(string Path, string Name, string ContentType)> ProduceAsync(CollectionYear year, bool confirmErrors)
    {
        var made = await sender.Send(new ProduceSsda903.Command(year, confirmErrors));
        return (made.Path, made.FileName, "application/zip");
    }
}
