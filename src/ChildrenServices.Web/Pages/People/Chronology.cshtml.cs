using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The child's chronology: significant events, newest first, as a timeline that prints cleanly.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ChronologyModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty(SupportsGet = true)]
    public CaseNoteType? Type { get; set; }

    public IReadOnlyList<GetChronology.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        await LoadPersonAsync(id);
        Entries = await Sender.Send(new GetChronology.Query(id, Type));
    }
}
