using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Find the other person (or record them), then say how they are related.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class AddRelationshipModel(ISender sender, PersonContext person, SearchLinks links) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public AddRelationship.Command Input { get; set; } = new();

    /// <summary>The name typed: posted by the search form, never read from the address.</summary>
    [BindProperty]
    public string? Q { get; set; }

    /// <summary>The search in the address, as a token (issue 15: no name in a URL).</summary>
    [BindProperty(SupportsGet = true, Name = "qt")]
    public string? Qt { get; set; }

    [BindProperty(SupportsGet = true, Name = Pagination.QueryName)]
    public int PageNumber { get; set; } = 1;

    public SearchPeople.Result? Results { get; private set; }

    public string? RelatedName { get; private set; }

    public async Task OnGetAsync(Guid id, Guid? relatedPersonId)
    {
        Input = new AddRelationship.Command { PersonId = id, RelatedPersonId = relatedPersonId };
        Q = links.UnprotectName(Qt);
        await LoadDisplayDataAsync();
    }

    /// <summary>The search form: the name goes into the address only as a token.</summary>
    public IActionResult OnPostSearch(Guid id) =>
        string.IsNullOrWhiteSpace(Q) ? RedirectToPage(new { id }) : RedirectToPage(new { id, qt = links.ProtectName(Q.Trim()) });

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Family", new { id }, "Relationship added");
    }

    public override async Task LoadDisplayDataAsync()
    {
        if (Input.RelatedPersonId is { } related)
        {
            RelatedName = (await Sender.Send(new GetPersonSummary.Query(related))).FullName;
        }
        else if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = await Sender.Send(new SearchPeople.Query { Name = Q, PageNumber = PageNumber });
        }
    }

    /// <summary>The same search, another page of results.</summary>
    public string PageLink(int page) =>
        Url.Page("/People/AddRelationship", new { id = Input.PersonId, qt = Qt, pageNumber = page })!;
}
