using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The family view: relationships from either side, and who lives together.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class FamilyModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public Task OnGetAsync(Guid id) => LoadDetailsAsync(id);
}
