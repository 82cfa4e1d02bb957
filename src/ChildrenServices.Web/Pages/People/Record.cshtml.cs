using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The record's overview: who the person is, where they live, who holds the case.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class RecordModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public Task OnGetAsync(Guid id) => LoadPersonAsync(id);
}
