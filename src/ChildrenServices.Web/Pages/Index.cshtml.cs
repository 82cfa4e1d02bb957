using ChildrenServices.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages;

/// <summary>Sends each role to its own home: practitioners to their work, managers to their team, and so on.</summary>
[AllowAnonymous]
public sealed class IndexModel(ICurrentUser user) : PageModel
{
    public IActionResult OnGet()
    {
        if (!user.IsAuthenticated)
        {
            return RedirectToPage("/Account/SignIn");
        }

        return RedirectToPage(HomeFor(user));
    }

    public static string HomeFor(ICurrentUser user) =>
        user.HasPermission(Permission.ViewTeamWork) ? "/Team"
        : user.HasPermission(Permission.ViewFrontDoor) ? "/FrontDoor/Index"
        : user.HasPermission(Permission.ViewChildRecord) ? "/MyWork"
        : user.HasPermission(Permission.ViewPerformance) ? "/Performance"
        : user.HasPermission(Permission.ManageUsers) ? "/Admin/Users/Index"
        : user.HasPermission(Permission.ViewAccessReports) ? "/AccessReport"
        : "/Account/NoAccess";
}
