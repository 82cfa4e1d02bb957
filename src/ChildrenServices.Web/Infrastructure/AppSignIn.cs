using System.Security.Claims;
using ChildrenServices.Application;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>Puts the colleague's display name in the sign-in cookie, so pages and audit rows can name them.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var name = await db.Staff.Where(s => s.Id == user.Id).Select(s => s.DisplayName).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, name ?? user.Email ?? user.UserName ?? "Unknown"));
        return identity;
    }
}

/// <summary>A disabled colleague cannot sign in, and (through the per-request stamp check) loses any session they had.</summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>
    /// Every sign-in starts a session on the server and puts its id in the cookie. A refresh of the
    /// same user's sign-in (after a password change) keeps the session it had.
    /// </summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != SignInSessions.ClaimType).ToList();
        var current = Context.User;
        if (SignInSessions.SessionId(current) is { } existing
            && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            && await db.SignInSessions.AnyAsync(s => s.Id == existing && s.UserId == user.Id && s.EndedAtUtc == null))
        {
            claims.Add(new Claim(SignInSessions.ClaimType, existing.ToString()));
        }
        else
        {
            var session = new SignInSession(user.Id, clock.GetUtcNow().UtcDateTime);
            db.SignInSessions.Add(session);
            await db.SaveChangesAsync();
            db.Entry(session).State = EntityState.Detached;
            claims.Add(new Claim(SignInSessions.ClaimType, session.Id.ToString()));
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Signing out ends this session on the server, so a copy of the cookie stops working too.</summary>
    public override async Task SignOutAsync()
    {
        if (SignInSessions.SessionId(Context.User) is { } id)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.SignInSessions.Where(s => s.Id == id && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, now));
        }

        await base.SignOutAsync();
    }

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user) && !await db.Staff.AnyAsync(s => s.Id == user.Id && s.IsDisabled);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await CanSignInAsync(user) ? user : null;
    }
}

/// <summary>
/// The server-side half of a sign-in (ADR 0014): the cookie's session id must name a live session of
/// the same user on every request, checked before the security stamp (ADR 0007).
/// </summary>
public static class SignInSessions
{
    public const string ClaimType = "session_id";

    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    private static readonly CompiledQuery<Func<AppDbContext, Guid, Guid, Task<Account?>>> LiveAccount = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, Guid userId) => db.SignInSessions
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAtUtc == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new Account(
                u.SecurityStamp,
                db.Staff.Any(m => m.Id == u.Id && m.IsDisabled),
                db.Staff.Where(m => m.Id == u.Id).Select(m => m.DisplayName).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .SingleOrDefault()));

    public static async Task ValidatePrincipalAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;

        // One statement: the session is live, and the account behind it — its security stamp, whether it is
        // disabled, its roles and name — as the cookie must match it (issue 11: a page's statements are counted).
        // Compiled once: every signed-in request runs it.
        var account = SessionId(principal) is { } id && Guid.TryParse(principal!.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await LiveAccount.For(db)(db, id, userId)
            : null;
        if (account is null
            || account.Disabled
            || !string.Equals(account.SecurityStamp, principal!.FindFirstValue(claims.SecurityStampClaimType), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var cookieRoles = principal!.FindAll(claims.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (account.Roles.Order(StringComparer.Ordinal).SequenceEqual(cookieRoles, StringComparer.Ordinal)
            && account.Name == principal.FindFirstValue(CurrentUser.DisplayNameClaim))
        {
            return;
        }

        // The roles or the name changed since the cookie was issued: the stamp check rebuilds the principal from the account.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private sealed record Account(string? SecurityStamp, bool Disabled, string? Name, List<string> Roles);

    /// <summary>The stamp check rebuilds the principal from the user's row: it keeps the session it came from.</summary>
    public static Task KeepSessionAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }

        return Task.CompletedTask;
    }
}
