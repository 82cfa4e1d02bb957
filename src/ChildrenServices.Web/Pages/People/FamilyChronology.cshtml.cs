using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Recording;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The family narrative: significant events for every child in the household, oldest first.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class FamilyChronologyModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty(SupportsGet = true)]
    public CaseNoteType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Child { get; set; }

    public GetFamilyChronology.Result Family { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        await LoadPersonAsync(id);
        Family = await Sender.Send(new GetFamilyChronology.Query(id, Type, Child));
    }
}
