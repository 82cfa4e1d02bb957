using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The child's case notes, newest first, filtered by type or to significant ones only.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class NotesModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty(SupportsGet = true)]
    public CaseNoteType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignificantOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = Pagination.QueryName)]
    public int PageNumber { get; set; } = 1;

    public GetCaseNotes.Result Notes { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Notes = await sender.Send(new GetCaseNotes.Query(id, Type, SignificantOnly, PageNumber));
    }

    public string PageLink(int page) =>
        Url.Page("/People/Notes", new { id = Person.Id, type = Type, significantOnly = SignificantOnly ? true : (bool?)null, pageNumber = page })!;
}
