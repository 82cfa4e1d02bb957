using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child's periods of care: where they are now, what is due, and every episode, review, visit and missing episode.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    public async Task OnGetAsync(Guid id) => Care = await CareForms.LoadAsync(sender, id);
}
