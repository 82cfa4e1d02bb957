using ChildrenServices.Application;
using ChildrenServices.Application.Behaviours;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.DemoData;
using ChildrenServices.Infrastructure;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Seeding;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
if (BenchmarkCommand.Configure(builder, args) is { } refused)
{
    return refused;
}

SeedDemoCommand.Configure(builder, args);
SeedCouncilCommand.Configure(builder, args);

builder.Host.UseSerilog((context, services, logging) => logging
    .ReadFrom.Configuration(context.Configuration)

    // Hosting's "Request starting" line carries the full URL, query string and all (search terms are
    // names): kept off whatever the configuration says. Our own request log names the path only.
    .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()

    // Outside development each event is one line of JSON (CLEF): the date, time and offset in full, and every value
    // escaped, so a line break typed into a form cannot forge a second log line (ASVS 16.2.2, 16.4.1). A developer's
    // console keeps the readable form, with the date and offset.
    .WriteTo.Console(context.HostingEnvironment.IsDevelopment()
        ? new Serilog.Formatting.Display.MessageTemplateTextFormatter("[{Timestamp:yyyy-MM-dd HH:mm:ss zzz} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
        : new Serilog.Formatting.Compact.CompactJsonFormatter()),

    // Each host keeps its own logger rather than the static Log.Logger: a second host in the same
    // process (the rate-limit tests start one) must not close the first host's logging when it stops.
    preserveStaticLogger: true);

builder.Services.AddApplication();
builder.Services.Configure<RestrictionSettings>(builder.Configuration.GetSection("Restrictions"));
builder.Services.Configure<ChildrenServices.Application.Security.ReadingSettings>(builder.Configuration.GetSection(ChildrenServices.Application.Security.ReadingSettings.Section));
builder.Services.Configure<ChildrenServices.Application.FrontDoor.FrontDoorSettings>(builder.Configuration.GetSection("FrontDoor"));
builder.Services.Configure<ChildrenServices.Application.CalendarSettings>(builder.Configuration.GetSection("Calendar"));
builder.Services.Configure<ChildrenServices.Application.People.Merging.MergeSettings>(builder.Configuration.GetSection("Merging"));
builder.Services.AddHostedService<TimelinessRefresher>();
builder.Services.AddHostedService<DailyFeedScheduler>();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddScoped<CspNonce>();
builder.Services.AddScoped<PersonContext>();
builder.Services.AddSingleton<SearchLinks>();

// The demo seed signs in as demo users the way the integration tests do: the current user of its own scope.
builder.Services.AddDemoData((scope, user, correlation) => scope.GetRequiredService<CurrentUser>().Use(user, correlation));

// Keys outlive a restart, so signed-in users and half-filled forms survive a redeploy.
var dataProtection = builder.Services.AddDataProtection()
    .SetApplicationName("ChildrenServices")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys")));

// A council's deployment encrypts the key ring at rest with its own certificate (ASVS 11.1, 13.3): each key is written
// encrypted to the certificate, so a copy of the keys folder alone opens no cookie, token or authenticator key.
if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } keyCertificate)
{
    dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
        keyCertificate, builder.Configuration["DataProtection:CertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet));
}

builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(RecordAccess)];

    // First is outermost. Authorisation runs before validation so refused users learn nothing.
    options.PipelineBehaviors =
    [
        typeof(LoggingBehaviour<,>),
        typeof(AuthorisationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(TransactionBehaviour<,>),
        typeof(AuditBehaviour<,>),
    ];
});

builder.Services.AddAppIdentityCore()
    .AddSignInManager<AppSignInManager>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

// Checking the security stamp on every request is what makes a disabled user lose access at once.
builder.Services.Configure<SecurityStampValidatorOptions>(o =>
{
    o.ValidationInterval = TimeSpan.Zero;
    o.OnRefreshingPrincipal = SignInSessions.KeepSessionAsync;
});
var accountSettings = builder.Configuration.GetSection(AccountSettings.Section).Get<AccountSettings>() ?? new AccountSettings();
var transportSettings = builder.Configuration.GetSection(TransportSettings.Section).Get<TransportSettings>() ?? new TransportSettings();
builder.Services.Configure<TransportSettings>(builder.Configuration.GetSection(TransportSettings.Section));
builder.Services.Configure<SingleSignOnSettings>(builder.Configuration.GetSection(SingleSignOnSettings.Section));
builder.Services.AddTransportSecurity(transportSettings);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/SignIn";
    o.LogoutPath = "/Account/SignOut";
    o.AccessDeniedPath = "/Error/403";
    // Named and made Secure by the transport settings (__Host- when HTTPS is required).
    o.Cookie.SameSite = SameSiteMode.Lax;

    // The cookie lasts a little longer than a session may, so the server is what ends it (idle, lifetime) and keeps why
    // (ADR 0039); a cookie kept past that is refused by its own expiry too.
    o.ExpireTimeSpan = accountSettings.AbsoluteLifetime + TimeSpan.FromMinutes(5);
    o.SlidingExpiration = false;

    // A cookie is only as good as its session on the server: signing out ends it (ADR 0014).
    o.Events.OnValidatePrincipal = SignInSessions.ValidatePrincipalAsync;
    o.Events.OnRedirectToLogin = context =>
    {
        // A session just ended for idleness or its lifetime: the sign-in page says so.
        // Relative: the framework builds the address from the request's Host header, which the redirect must not echo.
        var relative = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        var uri = context.HttpContext.Items[SignInSessions.EndedItem] is string ended
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(relative, "ended", ended == ChildrenServices.Application.Users.SessionEnd.Idle ? "idle" : "lifetime")
            : relative;
        context.Response.Redirect(uri);
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToAccessDenied = context =>
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});

SingleSignOnSettings.Add(builder.Services, builder.Configuration.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>() ?? new SingleSignOnSettings());

builder.Services.AddAuthorization(options =>
{
    // Every page needs a signed-in user unless it says otherwise; pages then name a permission.
    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    options.AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser());
    foreach (var permission in Enum.GetValues<Permission>())
    {
        options.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser().RequireRole(RolePermissions.RolesGranting(permission)));
    }
});

builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, LoggedAuthorizationResults>();
builder.Services.AddAntiforgery(o => o.Cookie.SameSite = SameSiteMode.Strict);
builder.Services.AddOnlineRequestProtection(builder.Configuration);

// No form field holds more than a case note's 50,000 characters: a value five times that is refused before it is
// bound (400, "the form could not be sent"), not parsed from the framework's 4 MB default. Anything up to it
// reaches the field's own rule and message, with the text kept.
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = FormLimits.ValueLength);
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.ConfigureFilter(new UseCaseExceptionFilter());
        o.Conventions.ConfigureFilter(new AntiforgeryFailureLog());
        o.Conventions.ConfigureFilter(new MergedRecordRedirect());

        // Every page about a person loads them (the identity bar, one audited query) and refuses at once a user
        // who may not record on them: by folder, so a new page under /People cannot forget (ADR 0021).
        o.Conventions.AddFolderApplicationModelConvention("/People", page => page.Filters.Add(new PersonPageFilter()));
    })
    .AddMvcOptions(o =>
    {
        o.ModelBinderProviders.Insert(0, new GovUkDateModelBinderProvider());

        // Letters in a number field ("seven" for an approximate age): say what to do, in GOV.UK voice,
        // without echoing what was typed.
        o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor(
            (_, field) => $"Enter a valid {GovUkDateModelBinder.Humanise(field).ToLowerInvariant()}");
    });

var app = builder.Build();

if (args.Length > 0 && args[0] == "create-admin")
{
    return await AdminCommand.RunAsync(app, args);
}

if (args.Length > 0 && args[0] == SeedCouncilCommand.Name)
{
    return await SeedCouncilCommand.RunAsync(app, args);
}

if (args.Length > 0 && args[0] == SeedDemoCommand.Name)
{
    return await SeedDemoCommand.RunAsync(app, args);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (await DatabaseSetup.MigrateAsync(db))
    {
        app.Logger.LogWarning("The SQLite database was made by an older build's migrations and has been recreated (ADR 0003)");
    }

    await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureRolesAsync();

    // Counts only: which children, by local ID, is for the data checks page.
    foreach (var check in await ChildrenServices.Application.DataQuality.CheckOneOpenRecords.RunAsync(db, default))
    {
        if (check.Findings.Count > 0)
        {
            app.Logger.LogWarning("Data check: {Children} children have {Check}; see /DataChecks", check.Findings.Count, check.Name.ToLowerInvariant());
        }
    }
    if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Seeding:DemoData"))
    {
        if (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync())
        {
            app.Logger.LogInformation("Seeded demo users and synthetic families");
        }
    }
}

app.UseTransportSecurity(transportSettings);
app.UseExceptionHandler("/Error/500");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseAllowedMethodsOnly();
app.UseSecurityHeaders();
app.UseRequestLog();
app.UseCachedStaticFiles();
app.UseRouting();

// After routing, so the stricter limit on sending an online request can find its page.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAccountGate();
app.UseAuthorization();

// A malformed form is refused (400) before anything binds it; then a repeat of a form already
// handled (a double-click) is sent where the first went instead of doing the work twice (ADR 0015).
app.UseWellFormedForms();
app.UseOnceOnlyFormSubmissions();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapBackChannelLogout(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SingleSignOnSettings>>().Value);
app.MapRazorPages();

if (args.Length > 0 && args[0] == BenchmarkCommand.Name)
{
    return await BenchmarkCommand.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>Exposed so the integration and browser tests can host the real app.</summary>
public partial class Program;
