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
public sealed class PeopleModel(ISender sender, TimeProvider clock, SearchLinks links) : FormPageModel(sender)
{
    /// <summary>The name typed: posted by the search form, never read from the address.</summary>
    [BindProperty]
    public string? Q { get; set; }

    /// <summary>The search in the address, as a token (issue 15: no name in a URL).</summary>
    [BindProperty(SupportsGet = true, Name = "qt")]
    public string? Qt { get; set; }

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
        Q = links.UnprotectName(Qt);
        await LoadDisplayDataAsync();
    }

    /// <summary>The search form: the name goes into the address only as a token.</summary>
    public IActionResult OnPostSearch(Guid id) =>
        string.IsNullOrWhiteSpace(Q)
            ? RedirectToPage(new { id, reportedChildId = ReportedChildId })
            : RedirectToPage(new { id, qt = links.ProtectName(Q.Trim()), reportedChildId = ReportedChildId });

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { ContactId = id };
        return await SendAndReturnAsync(Input, "/FrontDoor/Contacts/Details", new { id }, "Added to the contact");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Contact = await Sender.Send(new GetContact.Query(Input.ContactId));

        // Come from a child the requester described: their name is searched at once (it is never in the address).
        if (string.IsNullOrWhiteSpace(Q) && string.IsNullOrEmpty(Qt) && ReportedChildId is { } reported
            && Contact.ReportedChildren.FirstOrDefault(r => r.Id == reported) is { } child)
        {
            Q = $"{child.GivenName} {child.FamilyName}".Trim();
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 100)
        {
            Results = await Sender.Send(new SearchPeople.Query { Name = Q, PageNumber = PageNumber });
        }
    }

    /// <summary>The same search, another page of results.</summary>
    public string PageLink(int page) =>
        Url.Page("/FrontDoor/Contacts/People", new { id = Input.ContactId, qt = Qt, reportedChildId = ReportedChildId, pageNumber = page })!;
}
