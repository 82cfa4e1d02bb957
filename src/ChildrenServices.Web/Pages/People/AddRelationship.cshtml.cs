using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Find the other person (or record them), then say how they are related.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class AddRelationshipModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public AddRelationship.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = Pagination.QueryName)]
    public int PageNumber { get; set; } = 1;

    public SearchPeople.Result? Results { get; private set; }

    public string? RelatedName { get; private set; }

    public async Task OnGetAsync(Guid id, Guid? relatedPersonId)
    {
        Input = new AddRelationship.Command { PersonId = id, RelatedPersonId = relatedPersonId };
        await LoadDisplayDataAsync();
    }

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
        Url.Page("/People/AddRelationship", new { id = Input.PersonId, q = Q, pageNumber = page })!;
}
