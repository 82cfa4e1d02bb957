using ChildrenServices.Application.DataQuality;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

/// <summary>Children whose records break a "one open at a time" rule, for a person to put right (never merged by the system).</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewPerformance))]
public sealed class DataChecksModel(ISender sender) : PageModel
{
    public IReadOnlyList<CheckOneOpenRecords.Check> Checks { get; private set; } = [];

    public async Task OnGetAsync() => Checks = await sender.Send(new CheckOneOpenRecords.Query());
}
