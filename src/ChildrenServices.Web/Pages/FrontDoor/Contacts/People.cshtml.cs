using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.FrontDoor.Contacts;

/// <summary>Find a child or adult and put them on the contact, or go on to record them.</summary>
[Authorize(Policy = nameof(Permission.RecordContacts))]
public sealed class PeopleModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ReportedChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = Pagination.QueryName)]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public AddPersonToContact.Command Input { get; set; } = new();

    public GetContact.Result Contact { get; private set; } = default!;

    public SearchPeople.Result? Results { get; private set; }

    public DateOnly Today => Application.UkTime.Today(clock);

    public async Task OnGetAsync(Guid id)
    {
        Input = new AddPersonToContact.Command { ContactId = id, ReportedChildId = ReportedChildId };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        return await SendAndReturnAsync(Input, "/FrontDoor/Contacts/Details", new { id }, "Added to the contact");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Contact = await Sender.Send(new GetContact.Query(Input.ContactId));
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 100)
        {
            Results = await Sender.Send(new SearchPeople.Query { Name = Q, PageNumber = PageNumber });
        }
    }

    /// <summary>The same search, another page of results.</summary>
    public string PageLink(int page) =>
        Url.Page("/FrontDoor/Contacts/People", new { id = Input.ContactId, q = Q, reportedChildId = ReportedChildId, pageNumber = page })!;
}
