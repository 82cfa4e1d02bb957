using System.Reflection;
using ChildrenServices.Application;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>The rules in docs/style.md that keep the layers honest, checked by reflection over the real assemblies.</summary>
public sealed class ArchitectureTests(AppFactory factory)
{
    private static readonly Assembly Domain = typeof(Aggregate).Assembly;
    private static readonly Assembly Application = typeof(RecordAccess).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IReadOnlyList<Type> Messages { get; } =
        [.. Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))];

    [Fact]
    public void Domain_References_OnlyTheBaseClassLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal),
            $"The domain references {name}; it may reference only the base class library"));
    }

    [Fact]
    public void Messages_EachDeclaresWhoMaySendIt_ExactlyOnce()
    {
        Assert.True(Messages.Count >= 20, $"Expected the application's messages, found {Messages.Count}");

        var undeclared = Messages.Where(t => new[] { Has<RequiresPermissionAttribute>(t), Has<AllowAnySignedInUserAttribute>(t), Has<AllowPublicAttribute>(t) }.Count(d => d) != 1).Select(t => t.FullName);

        Assert.Empty(undeclared);
    }

    [Fact]
    public void PersonScopedCommands_AreAllAudited()
    {
        var personScopedCommands = Messages.Where(t => typeof(IPersonScoped).IsAssignableFrom(t) && typeof(IBaseCommand).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(personScopedCommands);
        Assert.Empty(personScopedCommands.Where(t => !typeof(IAudited).IsAssignableFrom(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Handlers_NeverSendAnotherUseCase()
    {
        var handlers = Application.GetTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && (
            i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)))).ToList();

        Assert.NotEmpty(handlers);
        var offenders = handlers.Where(h => h.GetConstructors().SelectMany(c => c.GetParameters())
            .Any(p => p.ParameterType == typeof(ISender) || p.ParameterType == typeof(IMediator) || p.ParameterType == typeof(IPublisher)));
        Assert.Empty(offenders.Select(h => h.FullName));
    }

    [Fact]
    public void Pages_EachHasAnAuthorisationPolicyOrIsAnonymousOnPurpose()
    {
        var pages = Web.GetTypes().Where(t => !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t)).ToList();
        var options = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.NotEmpty(pages);
        var problems = pages.Select(page =>
        {
            var authorize = page.GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
            var anonymous = page.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any();
            if (anonymous && authorize.Count > 0)
            {
                return $"{page.FullName} has both [Authorize] and [AllowAnonymous]";
            }

            if (anonymous)
            {
                return null;
            }

            if (authorize.Count == 0 || authorize.Any(a => string.IsNullOrEmpty(a.Policy)))
            {
                return $"{page.FullName} needs [Authorize(Policy = ...)] or [AllowAnonymous]";
            }

            var unknown = authorize.Select(a => a.Policy!).Where(p => options.GetPolicy(p) is null).ToList();
            return unknown.Count > 0 ? $"{page.FullName} names policies that do not exist: {string.Join(", ", unknown)}" : null;
        }).OfType<string>();

        Assert.Empty(problems);
    }

    [Fact]
    public void Pages_OnlyThePublicFormSignInAndErrorPagesAreAnonymous()
    {
        // The home page is anonymous only to send a visitor to sign in (or a user to their own home).
        Type[] alsoAnonymous = [typeof(ChildrenServices.Web.Pages.ErrorModel), typeof(ChildrenServices.Web.Pages.IndexModel)];
        var anonymous = Web.GetTypes()
            .Where(t => !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t) && t.GetCustomAttributes<AllowAnonymousAttribute>(inherit: true).Any())
            .ToList();

        Assert.Contains(anonymous, t => t.Namespace == "ChildrenServices.Web.Pages.Request");
        Assert.Empty(anonymous
            .Where(t => t.Namespace is not ("ChildrenServices.Web.Pages.Request" or "ChildrenServices.Web.Pages.Account") && !alsoAnonymous.Contains(t))
            .Select(t => t.FullName));
    }

    [Fact]
    public void PublicMessages_AreTheOnlineRequestsAndAnswerNothingAboutAnyoneElse()
    {
        var publicMessages = Messages.Where(Has<AllowPublicAttribute>).ToList();
        Type[] harmless = [typeof(Unit), typeof(Guid), typeof(bool), typeof(string), typeof(Application.FrontDoor.OnlineRequestAnswers)];

        Assert.NotEmpty(publicMessages);
        Assert.All(publicMessages, t =>
        {
            Assert.Equal("ChildrenServices.Application.FrontDoor", t.Namespace);
            Assert.Contains("OnlineRequest", t.DeclaringType?.Name ?? string.Empty, StringComparison.Ordinal);
            var response = t.GetInterfaces().Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)))
                .Select(i => i.GetGenericArguments()[0]).SingleOrDefault() ?? typeof(Unit);
            Assert.Contains(response, harmless);
            Assert.False(typeof(IPersonScoped).IsAssignableFrom(t) || typeof(IContactScoped).IsAssignableFrom(t), $"{t.FullName} is public but about a person or contact");
        });
    }

    [Fact]
    public void FallbackPolicy_RequiresAnAuthenticatedUser()
    {
        var options = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public void PermissionPolicies_GrantExactlyTheRolesInTheTable()
    {
        var options = factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;

        Assert.All(Enum.GetValues<Permission>(), permission =>
        {
            var policy = options.GetPolicy(permission.ToString());
            Assert.NotNull(policy);
            var roles = Assert.Single(policy.Requirements.OfType<RolesAuthorizationRequirement>()).AllowedRoles;
            Assert.Equal(RolePermissions.RolesGranting(permission).Order(), roles.Order());
        });
    }

    private static bool Has<T>(Type type)
        where T : Attribute => type.GetCustomAttribute<T>(inherit: false) is not null;
}
