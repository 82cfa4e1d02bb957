using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>A signed-in account with no role: says so rather than showing an empty page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NoAccessModel : PageModel
{
    public void OnGet()
    {
    }
}
