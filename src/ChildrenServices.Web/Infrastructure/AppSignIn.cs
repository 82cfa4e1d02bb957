using System.Security.Claims;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
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
    AppDbContext db)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user) && !await db.Staff.AnyAsync(s => s.Id == user.Id && s.IsDisabled);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await CanSignInAsync(user) ? user : null;
    }
}
