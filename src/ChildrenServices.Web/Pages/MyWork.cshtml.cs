using ChildrenServices.Application.Home;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class MyWorkModel(ISender sender, TimeProvider clock) : PageModel
{
    public GetMyWork.Result Work { get; private set; } = default!;

    public GetMyDueWork.Result Due { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    /// <summary>A reviewing officer's reviews and conferences; null for everyone else.</summary>
    public IReadOnlyList<Application.Reviews.GetMyReviews.Row>? Reviews { get; private set; }

    public async Task OnGetAsync()
    {
        Today = Application.UkTime.Today(clock);
        Work = await sender.Send(new GetMyWork.Query());
        Due = await sender.Send(new GetMyDueWork.Query());
        if (User.IsInRole(Application.Security.Roles.ReviewingOfficer))
        {
            Reviews = await sender.Send(new Application.Reviews.GetMyReviews.Query());
        }
    }
}
