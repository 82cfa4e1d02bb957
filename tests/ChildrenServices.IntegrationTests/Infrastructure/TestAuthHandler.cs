using System.Text.Encodings.Web;
using ChildrenServices.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChildrenServices.IntegrationTests.Infrastructure;

/// <summary>
/// Signs a request in as the real user named in the <see cref="Header"/> header: the account is
/// loaded from the database and its principal built by the app's own claims factory, so roles and
/// the display name are exactly what a cookie sign-in would carry. A missing or disabled account
/// is refused, as the per-request security stamp check refuses it for a cookie.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    /// <summary>Forwards to <see cref="SchemeName"/> when the header is present, otherwise to Identity's cookie.</summary>
    public const string SelectorScheme = "TestOrCookie";

    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return AuthenticateResult.NoResult();
        }

        if (!Guid.TryParse(value, out var userId))
        {
            return AuthenticateResult.Fail($"{Header} must be a user id");
        }

        var services = Context.RequestServices;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AuthenticateResult.Fail("No such user");
        }

        if (!await services.GetRequiredService<SignInManager<AppUser>>().CanSignInAsync(user))
        {
            return AuthenticateResult.Fail("The account cannot sign in");
        }

        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
