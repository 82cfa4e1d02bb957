using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The family narrative: significant events for every child in the household, oldest first.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class FamilyChronologyModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty(SupportsGet = true)]
    public CaseNoteType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Child { get; set; }

    public GetFamilyChronology.Result Family { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Family = await sender.Send(new GetFamilyChronology.Query(id, Type, Child));
    }
}
