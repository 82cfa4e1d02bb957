using ChildrenServices.Application.Returns.Feed;
using ChildrenServices.Application.Users;
using ChildrenServices.Infrastructure.Returns;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddDatabase(configuration, contentRoot);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IUserAccounts, UserAccounts>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<ExternalAccounts>();
        services.AddScoped<FirstAdministrator>();
        services.Configure<AccountSettings>(configuration.GetSection(AccountSettings.Section));

        // Copied by the web project's build out of the npm package @zxcvbn-ts/language-common (docs/security.md).
        // PBKDF2-HMAC-SHA512 at OWASP's 210,000 rounds (Identity's default is 100,000; ASVS 5.0 V11.4.2). Tests lower it.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddSingleton(_ => new BreachedPasswords(Path.Combine(contentRoot, "Security", "breached-passwords.json")));
        services.AddDailyFeed(configuration, contentRoot);

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The DfE's daily feed: to its API when an endpoint is set (DailyFeed:Endpoint), otherwise to files in
    /// DailyFeed:Folder under the content root.
    /// </summary>
    private static void AddDailyFeed(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<DailyFeedOptions>(configuration.GetSection(DailyFeedOptions.Section));
        var endpoint = configuration[$"{DailyFeedOptions.Section}:{nameof(DailyFeedOptions.Endpoint)}"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            // Never to another address than the one set: a redirect would carry the key and children's data elsewhere.
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                throw new InvalidOperationException("DailyFeed:Endpoint must be an https:// address (http is allowed only for a local test server)");
            }

            services.AddHttpClient<IDailyFeedTransport, HttpDailyFeedTransport>(c => c.Timeout = TimeSpan.FromSeconds(100))
                .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });
        }
        else
        {
            var folder = configuration[$"{DailyFeedOptions.Section}:{nameof(DailyFeedOptions.Folder)}"] ?? new DailyFeedOptions().Folder;
            services.AddScoped<IDailyFeedTransport>(s => new FileDailyFeedTransport(Path.Combine(contentRoot, folder), s.GetRequiredService<TimeProvider>()));
        }

        services.AddScoped<DailyFeedRunner>();
    }

    /// <summary>Identity with the password rule the service asks for: at least 12 characters, no composition rules.</summary>
    public static IdentityBuilder AddAppIdentityCore(this IServiceCollection services) =>
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;

                // Authenticator codes that work once (the framework's own provider is not registered at all).
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddTokenProvider<DataProtectorTokenProvider<AppUser>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<OneTimeAuthenticatorProvider>(OneTimeAuthenticatorProvider.Name)
            .AddPasswordValidator<PasswordRules>();
}
