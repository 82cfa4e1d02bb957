using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Find a child or adult by name, date of birth, NHS number or UPN. The form posts, and the results page's address
/// carries the search only as an encrypted token (<see cref="SearchLinks"/>): names and NHS numbers never go into a URL,
/// yet the results can be paged and the back button works. Each search's results are audited (who saw whom listed).
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.SearchPeople))]
public sealed class SearchModel(ISender sender, TimeProvider clock, SearchLinks links) : FormPageModel(sender)
{
    [BindProperty(Name = "Input")]
    public SearchPeople.Query Input { get; set; } = new();

    public SearchPeople.Result? Results { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The search's token, for the page links.</summary>
    public string? Token { get; private set; }

    /// <summary>The token given was expired or not ours.</summary>
    public bool Expired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, int p = 1)
    {
        Today = Application.UkTime.Today(clock);
        if (string.IsNullOrEmpty(q))
        {
            return Page();
        }

        if (links.Unprotect(q) is not { } search)
        {
            Expired = true;
            return Page();
        }

        Token = q;
        Input = search with { PageNumber = Math.Max(p, 1) };
        Results = await Sender.Send(Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Today = Application.UkTime.Today(clock);
        if (Input.IsEmpty && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.Name", "Enter a name, a date of birth, or an NHS number, UPN or local ID");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await NotReadyToCheckAsync(Input))
        {
            return Page();
        }

        return Redirect(Url.Page("/People/Search", new { q = links.Protect(Input) })! + "#results");
    }

    public override Task LoadDisplayDataAsync()
    {
        Today = Application.UkTime.Today(clock);
        return Task.CompletedTask;
    }

    public string PageLink(int page) => Url.Page("/People/Search", new { q = Token, p = page })! + "#results";
}
