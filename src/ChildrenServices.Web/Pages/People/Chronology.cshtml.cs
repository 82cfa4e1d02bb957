using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The child's chronology: significant events, newest first, as a timeline that prints cleanly.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ChronologyModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty(SupportsGet = true)]
    public CaseNoteType? Type { get; set; }

    public IReadOnlyList<GetChronology.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Entries = await sender.Send(new GetChronology.Query(id, Type));
    }
}
