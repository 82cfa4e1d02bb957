using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>"Stay signed in" from the idle warning: the session's last-seen time becomes now.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class KeepAliveModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (SignInSessions.SessionId(User) is { } id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.SignInSessions.Where(s => s.Id == id && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now));
        }

        return new JsonResult(new { signedIn = true });
    }
}
