using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// The code sets the returns are checked and written with, for a chosen collection year: each return's sets with the
/// codes valid that year, and what changed from the year before (added, reworded, retired). The reference data is the
/// domain's (<see cref="Domain.Codes.ReturnCodeSets"/>); nothing here reads the database.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class CodesModel(TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public CollectionYear Chosen { get; private set; }

    public IReadOnlyList<CollectionYear> Years { get; private set; } = [];

    public void OnGet()
    {
        var now = CollectionYear.Containing(Application.UkTime.Today(clock));
        var last = new CollectionYear(Math.Min(now.StartYear + 1, CollectionYear.Latest));
        Years = [.. Enumerable.Range(CollectionYear.Earliest, last.StartYear - CollectionYear.Earliest + 1).Reverse().Select(y => new CollectionYear(y))];
        Chosen = now;
        if (string.IsNullOrEmpty(Year))
        {
            Year = now.Slug;
        }
        else if (CollectionYear.TryParse(Year, out var year) && year.StartYear <= last.StartYear)
        {
            Chosen = year;
        }
        else
        {
            ModelState.AddModelError(nameof(Year), $"Choose a collection year from {Years[^1].Label} to {Years[0].Label}");
        }
    }
}
