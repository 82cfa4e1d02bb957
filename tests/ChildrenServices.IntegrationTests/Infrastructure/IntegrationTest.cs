using System.Security.Claims;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.People;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Identity;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.Infrastructure.Seeding;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Infrastructure;

/// <summary>
/// Base for tests against the app: each test class gets a host and SQLite file of its own (the
/// <see cref="IClassFixture{TFixture}"/> declared here reaches every derived class), so classes run
/// side by side; within a class, tests take turns, and the database is emptied (roles kept) and the
/// clock reset before each one. Helpers create real users, teams, children and allocations, and send
/// use cases through the real pipeline as a given user.
/// </summary>
public abstract class IntegrationTest(AppFactory factory) : IAsyncLifetime, IClassFixture<AppFactory>
{
    /// <summary>Every test user's password: 12 characters or more, as the service requires.</summary>
    public const string Password = "correct horse battery staple";

    public static readonly DateOnly Today = DateOnly.FromDateTime(AppFactory.Now.UtcDateTime);

    private static int userNumber;

    protected AppFactory Factory { get; } = factory;

    public virtual async ValueTask InitializeAsync() => await Factory.ResetAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A real account and staff profile made by the app's own first-administrator code, with the given role.</summary>
    protected Task<Guid> CreateUserAsync(string role, string displayName) => CreateUserAsync([role], displayName);

    protected async Task<Guid> CreateUserAsync(IReadOnlyCollection<string> roles, string displayName)
    {
        var email = $"user{Interlocked.Increment(ref userNumber)}@example.gov.uk";
        await using var scope = Factory.Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>()
            .CreateAsync(email, displayName, Password, "Test job", roles);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Could not create {displayName}: {string.Join("; ", problems)}");
        }

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    protected async Task<string> EmailOfAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString());
        return user!.Email!;
    }

    /// <summary>Sends a command through the real pipeline (logging, authorisation, validation, transaction, audit) as the user.</summary>
    protected async Task<TResponse> SendAsUserAsync<TResponse>(Guid userId, ICommand<TResponse> command) =>
        await AsUserAsync(userId, sender => sender.Send(command));

    /// <summary>Sends a query through the real pipeline as the user.</summary>
    protected async Task<TResponse> SendAsUserAsync<TResponse>(Guid userId, IQuery<TResponse> query) =>
        await AsUserAsync(userId, sender => sender.Send(query));

    /// <summary>Runs code in a fresh DI scope whose current user is <paramref name="userId"/>, as a request of theirs would.</summary>
    protected async Task<T> AsUserAsync<T>(Guid userId, Func<ISender, ValueTask<T>> send)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var principal = await PrincipalForAsync(scope.ServiceProvider, userId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(principal, $"test-{Guid.NewGuid():N}");
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    protected static async Task<ClaimsPrincipal> PrincipalForAsync(IServiceProvider services, Guid userId)
    {
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException($"No user {userId}");
        return await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }

    /// <summary>Reads (or writes, then saves) the database in a fresh scope, outside the pipeline.</summary>
    protected async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected Task WithDbAsync(Func<AppDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Brings the timeliness facts up to date, as the app's background refresher does every minute (ADR 0031).</summary>
    protected async Task<Application.Performance.TimelinessFacts.Outcome> RefreshTimelinessAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Application.Performance.TimelinessFacts>().RefreshAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A team managed by <paramref name="managerId"/> with the given members, inserted directly.</summary>
    protected async Task<Guid> CreateTeamAsync(Guid managerId, string name = "Assessment team 1", params Guid[] memberIds)
    {
        var team = new Team(name, TeamKind.Assessment, caseloadCapacityPerWorker: 18);
        team.AppointManager(managerId);
        foreach (var member in memberIds)
        {
            team.AddMember(member);
        }

        await WithDbAsync(async db =>
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        });
        return team.Id;
    }

    /// <summary>A child recorded through CreatePerson by <paramref name="recordedBy"/> (who needs RecordPeople).</summary>
    protected Task<Guid> CreateChildAsync(
        Guid recordedBy, string givenNames = "Riley", string familyName = "Taylor", DateOnly? dateOfBirth = null, string? nhsNumber = null) =>
        SendAsUserAsync(recordedBy, NewChild(givenNames, familyName, dateOfBirth, nhsNumber) with { ConfirmedNotDuplicate = true });

    /// <summary>A valid CreatePerson command for a child (not yet confirmed as no duplicate).</summary>
    protected static CreatePerson.Command NewChild(string givenNames = "Riley", string familyName = "Taylor", DateOnly? dateOfBirth = null, string? nhsNumber = null) =>
        new()
        {
            Type = PersonType.Child,
            GivenNames = givenNames,
            FamilyName = familyName,
            DateOfBirth = dateOfBirth ?? new DateOnly(2018, 5, 14),
            Sex = Sex.Female,
            NhsNumber = nhsNumber,
        };

    /// <summary>The manager allocates the child to the worker (a member of a team the manager manages).</summary>
    /// <summary>A manager allocates the worker; replacing a lead needs <paramref name="leadReason"/> (SSDA903 SW_REASON), as the page asks.</summary>
    protected Task AllocateAsync(Guid managerId, Guid childId, Guid workerId, AllocationRole role = AllocationRole.Lead, string? leadReason = null) =>
        SendAsUserAsync(managerId, new AllocateWorker.Command { PersonId = childId, WorkerId = workerId, Role = role, LeadReason = leadReason });

    /// <summary>The person's current version, as a page would have loaded it.</summary>
    protected Task<Guid> VersionOfAsync(Guid personId) =>
        WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync());

    /// <summary>
    /// Puts the user on a restricted record's allow-list or takes them off it, straight through the aggregate: how a test
    /// makes a worker who holds a child but may not see it (a restriction keeps every allocated worker on its list).
    /// </summary>
    protected Task SetAllowedAsync(Guid personId, Guid userId, bool allowed) => WithDbAsync(async db =>
    {
        var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == personId);
        if (allowed)
        {
            person.Allow(userId);
        }
        else
        {
            person.Disallow(userId);
        }

        await db.SaveChangesAsync();
    });

    /// <summary>An HTTP client signed in as the user through the test scheme; redirects are not followed.</summary>
    protected HttpClient ClientFor(Guid userId)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = AppFactory.BaseAddress });
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, userId.ToString());
        return client;
    }

    /// <summary>An HTTP client with no user (and a cookie container, for real sign-in).</summary>
    protected HttpClient AnonymousClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = AppFactory.BaseAddress });
}
