using System.Security.Claims;
using ChildrenServices.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.DemoData;

/// <summary>
/// Sends the Application's commands as a demo user, outside HTTP: each command gets its own DI scope
/// (so its own DbContext and change tracker), signed in as the user with the same claims the sign-in
/// form would give them. The whole pipeline runs — permission, record access, validation, transaction,
/// audit — so the demo data is what the app itself would have made, and its audit rows say who made it.
/// </summary>
public sealed class DemoActors(IServiceScopeFactory scopes, DemoSignIn signIn)
{
    /// <summary>The correlation id on every audit row the demo seed writes.</summary>
    public const string CorrelationId = "demo-seed";

    private readonly Dictionary<Guid, ClaimsPrincipal> principals = [];

    public async Task<TResponse> SendAsync<TResponse>(Guid userId, ICommand<TResponse> command)
    {
        await using var scope = scopes.CreateAsyncScope();
        signIn.ActAs(scope.ServiceProvider, await PrincipalAsync(scope.ServiceProvider, userId), CorrelationId);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, Guid userId)
    {
        if (!principals.TryGetValue(userId, out var principal))
        {
            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString())
                ?? throw new InvalidOperationException($"No demo user {userId}");
            principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            principals[userId] = principal;
        }

        return principal;
    }
}

/// <summary>
/// How the host makes one DI scope act as a signed-in user. The web app passes its own current-user
/// service's "use this principal" (the one its integration tests use), so the seed needs no second
/// implementation of the current user, and nothing about an HTTP request's user changes.
/// </summary>
public sealed class DemoSignIn(Action<IServiceProvider, ClaimsPrincipal, string> actAs)
{
    public void ActAs(IServiceProvider scope, ClaimsPrincipal user, string correlationId) => actAs(scope, user, correlationId);
}
