using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The child's periods of care: where they are now, what is due, and every episode, review, visit and missing episode.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class IndexModel(ISender sender, TimeProvider clock) : LookedAfterPageModel(sender, clock)
{
    public Task OnGetAsync(Guid id) => LoadCareAsync(id);
}
