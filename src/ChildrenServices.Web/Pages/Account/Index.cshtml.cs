using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Pages.Account;

/// <summary>
/// A colleague's own account: their password, their authenticator app, and the sessions they have open (where,
/// since when, last used), any of which they can end — a phone left signed in, a shared PC.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(
    UserManager<AppUser> users,
    IUserAccounts accounts,
    AppDbContext db,
    TimeProvider clock,
    IOptions<AccountSettings> settings) : PageModel
{
    public string? Email { get; private set; }

    public bool AuthenticatorSetUp { get; private set; }

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public Guid? CurrentSession => SignInSessions.SessionId(User);

    public AccountSettings Settings => settings.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email;
        AuthenticatorSetUp = user.TwoFactorEnabled;
        Sessions = await accounts.LiveSessionsAsync(user.Id, ct);
        return Page();
    }

    /// <summary>Ends one of the user's own other sessions, or (no id) all of them but this one.</summary>
    public async Task<IActionResult> OnPostEndAsync(Guid? id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var current = CurrentSession;
        var sessions = db.SignInSessions.Where(s => s.UserId == user.Id && s.Id != current);
        if (id is { } one)
        {
            sessions = sessions.Where(s => s.Id == one);
        }

        var ended = await sessions.EndAsync(clock.GetUtcNow().UtcDateTime, SessionEnd.EndedByUser, ct);
        SecurityLog.Write(HttpContext, LogLevel.Information, "session_ended_by_user", $"{ended} ended");
        TempData["Banner"] = ended switch
        {
            0 => "That session had already ended",
            1 => "The session has ended. Whoever has it will be signed out at their next click",
            _ => $"{ended} sessions have ended. You are still signed in here",
        };
        return RedirectToPage();
    }
}
