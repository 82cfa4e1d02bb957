using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Find a child or adult by name, date of birth, NHS number or UPN. A GET form, so results can be bookmarked and the back button works.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.SearchPeople))]
public sealed class SearchModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    // Named, so an empty search never falls back to binding the query's properties from unprefixed values
    // (the route value "page" would otherwise be read as a page number and the page open with an error).
    [BindProperty(SupportsGet = true, Name = "Input")]
    public SearchPeople.Query Input { get; set; } = new();

    public SearchPeople.Result? Results { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = Application.UkTime.Today(clock);
        if (Input.IsEmpty && ModelState.IsValid)
        {
            return Page();
        }

        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        Results = await Sender.Send(Input);
        return Page();
    }

    public override Task LoadDisplayDataAsync()
    {
        Today = Application.UkTime.Today(clock);
        return Task.CompletedTask;
    }

    public string PageLink(int page) =>
        Url.Page("/People/Search", new RouteValueDictionary
        {
            ["Input.Name"] = Input.Name,
            ["Input.Identifier"] = Input.Identifier,
            ["Input.DateOfBirth"] = Input.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PageNumber"] = page,
        })! + "#results";
}
