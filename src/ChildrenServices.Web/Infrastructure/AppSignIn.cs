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
    IOptions<AccountSettings> accounts,
    AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var name = await db.Staff.Where(s => s.Id == user.Id).Select(s => s.DisplayName).SingleOrDefaultAsync();
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, name ?? user.Email ?? user.UserName ?? "Unknown"));

        // What the account must do before anything else (AccountGate): choose its own password, then set up its
        // authenticator app. Rebuilt at each sign-in and refresh, so doing it lifts the gate.
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountGate.ClaimType, AccountGate.ChangePassword));
        }
        else if (accounts.Value.RequireMfa && !user.TwoFactorEnabled && user.PasswordHash is not null)
        {
            identity.AddClaim(new Claim(AccountGate.ClaimType, AccountGate.SetUpAuthenticator));
        }

        return identity;
    }
}

/// <summary>A temporary password that was right but has run out: the holder must ask an administrator for a new one.</summary>
public sealed class TemporaryPasswordExpired : Microsoft.AspNetCore.Identity.SignInResult
{
    public TemporaryPasswordExpired() => IsNotAllowed = true;
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
        // The provider's session id and subject (single sign-on) go on the session, not in the cookie.
        var given = additionalClaims.ToList();
        var providerSession = given.FirstOrDefault(c => c.Type == SingleSignOnSettings.ProviderSessionClaim)?.Value;
        var providerSubject = given.FirstOrDefault(c => c.Type == SingleSignOnSettings.ProviderSubjectClaim)?.Value;
        var claims = given.Where(c => c.Type is not (SignInSessions.ClaimType or SingleSignOnSettings.ProviderSessionClaim or SingleSignOnSettings.ProviderSubjectClaim)).ToList();
        var current = Context.User;
        if (SignInSessions.SessionId(current) is { } existing
            && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            && await db.SignInSessions.AnyAsync(s => s.Id == existing && s.UserId == user.Id && s.EndedAtUtc == null))
        {
            claims.Add(new Claim(SignInSessions.ClaimType, existing.ToString()));
        }
        else
        {
            var session = new SignInSession(
                user.Id,
                clock.GetUtcNow().UtcDateTime,
                Context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
                Context.Connection.RemoteIpAddress?.ToString(),
                providerSession,
                providerSubject);
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
            await db.SignInSessions.Where(s => s.Id == id).EndAsync(clock.GetUtcNow().UtcDateTime, Application.Users.SessionEnd.SignedOut);
        }

        await base.SignOutAsync();
    }

    /// <summary>
    /// An email no account has still costs a password hash, so the answer takes as long as for a real account
    /// with a wrong password and says the same (ASVS 5.0 V6.3: no account enumeration by timing).
    /// </summary>
    public override async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(TimingDummy, TimingDummyHash.Value, password);
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    private static readonly AppUser TimingDummy = new();
    private static readonly Lazy<string> TimingDummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(TimingDummy, Guid.NewGuid().ToString()));

    /// <summary>A right temporary password past its expiry is refused, and said to be so (only to someone who knew it).</summary>
    public override async Task<Microsoft.AspNetCore.Identity.SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded && user.MustChangePassword && user.TemporaryPasswordExpiresAtUtc is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
        {
            return new TemporaryPasswordExpired();
        }

        return result;
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

    /// <summary>Why the request's session just ended (idle, lifetime), for the sign-in page to say.</summary>
    public const string EndedItem = "session-ended";

    /// <summary>How stale the last-seen time may get before a request writes it again: the idle timeout counts to this.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private static readonly CompiledQuery<Func<AppDbContext, Guid, Guid, Task<Account?>>> LiveAccount = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, Guid userId) => db.SignInSessions
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAtUtc == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new Account(
                s.StartedAtUtc,
                s.LastSeenAtUtc,
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
        var id = SessionId(principal) ?? Guid.Empty;
        var userId = Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var account = id != Guid.Empty && userId != Guid.Empty ? await LiveAccount.For(db)(db, id, userId) : null;
        if (account is null
            || account.Disabled
            || !string.Equals(account.SecurityStamp, principal!.FindFirstValue(claims.SecurityStampClaimType), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Ended on the server after the council's idle time (counted to the minute it is written to) or its lifetime.
        var settings = services.GetRequiredService<IOptions<AccountSettings>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ended = now - account.StartedAtUtc >= settings.AbsoluteLifetime ? Application.Users.SessionEnd.Lifetime
            : now - account.LastSeenAtUtc >= settings.IdleTimeout + TouchEvery ? Application.Users.SessionEnd.Idle
            : null;
        if (ended is not null)
        {
            await db.SignInSessions.Where(s => s.Id == id).EndAsync(now, ended);
            SecurityLog.Write(context.HttpContext, LogLevel.Information, ended == Application.Users.SessionEnd.Idle ? "session_expired_idle" : "session_expired_lifetime", $"user {userId}");
            context.HttpContext.Items[EndedItem] = ended;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (now - account.LastSeenAtUtc >= TouchEvery)
        {
            await db.SignInSessions.Where(s => s.Id == id && s.EndedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now));
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

    private sealed record Account(DateTime StartedAtUtc, DateTime LastSeenAtUtc, string? SecurityStamp, bool Disabled, string? Name, List<string> Roles);

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
