using ChildrenServices.Application;
using ChildrenServices.Application.Behaviours;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Pipeline;

/// <summary>The transaction behaviour on its own, with a real scoped context and stand-in handlers.</summary>
public sealed class TransactionTests(AppFactory factory) : IntegrationTest(factory)
{
    private static readonly CreatePerson.Command Message = NewChild();

    [Fact]
    public async Task Handle_HandlerAddsThenThrows_PropagatesAndWritesNothing()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<CreatePerson.Command, Guid>(db);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await behaviour.Handle(Message, (_, _) =>
        {
            db.People.Add(NewPerson("Part", "Way"));
            throw new InvalidOperationException("Handler failed part-way");
        }, CancellationToken.None));

        Assert.Equal("Handler failed part-way", ex.Message);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(0, await WithDbAsync(d => d.People.CountAsync()));
    }

    [Fact]
    public async Task Handle_HandlerSavesThenThrows_RollsTheWriteBack()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<CreatePerson.Command, Guid>(db);

        // A handler that (against the rules) saves before failing: only the transaction can undo that write.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await behaviour.Handle(Message, async (_, ct) =>
        {
            db.People.Add(NewPerson("Saved", "Early"));
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("Handler failed after saving");
        }, CancellationToken.None));

        Assert.Equal(0, await WithDbAsync(d => d.People.CountAsync()));
    }

    [Fact]
    public async Task Handle_Succeeds_SavesAndCommits()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<CreatePerson.Command, Guid>(db);
        var person = NewPerson("Committed", "Child");

        var id = await behaviour.Handle(Message, (_, _) =>
        {
            db.People.Add(person);
            return ValueTask.FromResult(person.Id);
        }, CancellationToken.None);

        Assert.Null(db.Database.CurrentTransaction);
        Assert.True(await WithDbAsync(d => d.People.AnyAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task Handle_OuterTransactionOpen_SavesIntoItWithoutCommitting()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<CreatePerson.Command, Guid>(db);
        var person = NewPerson("Joined", "Outer");

        await using var outer = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var id = await behaviour.Handle(Message, (_, _) =>
        {
            db.People.Add(person);
            return ValueTask.FromResult(person.Id);
        }, CancellationToken.None);

        // Saved inside the outer transaction, which is still the open one...
        Assert.Same(outer, db.Database.CurrentTransaction);
        Assert.True(await db.People.AsNoTracking().AnyAsync(p => p.Id == id, TestContext.Current.CancellationToken));

        // ...but not committed: another connection cannot see it, and rolling the outer back leaves nothing.
        Assert.False(await WithDbAsync(d => d.People.AnyAsync(p => p.Id == id)));
        await outer.RollbackAsync(TestContext.Current.CancellationToken);
        Assert.False(await WithDbAsync(d => d.People.AnyAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task Handle_Query_OpensNoTransaction()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<SearchPeople.Query, SearchPeople.Result>(db);
        var seenTransaction = true;

        await behaviour.Handle(new SearchPeople.Query(), (_, _) =>
        {
            seenTransaction = db.Database.CurrentTransaction is not null;
            return ValueTask.FromResult(new SearchPeople.Result([], 0, 1, 0));
        }, CancellationToken.None);

        Assert.False(seenTransaction);
    }

    [Fact]
    public async Task Handle_SomeoneSavedAfterTheVersionCheck_ThrowsConflictNamingThem()
    {
        var first = await CreateUserAsync(Roles.FrontDoorPractitioner, "Alex First");
        var second = await CreateUserAsync(Roles.FrontDoorPractitioner, "Blair Second");
        var child = await CreateChildAsync(first);
        var version = await VersionOfAsync(child);
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(await PrincipalForAsync(scope.ServiceProvider, second));
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var behaviour = new TransactionBehaviour<UpdatePersonDetails.Command, Unit>(db);

        // The second user's handler has loaded the record and passed the version check...
        var person = await db.People.SingleAsync(p => p.Id == child, TestContext.Current.CancellationToken);
        db.ExpectVersion(person, version);

        // ...when the first user's change lands.
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsUserAsync(first, new UpdatePersonDetails.Command
        {
            PersonId = child, Version = version, DateOfBirth = new DateOnly(2018, 5, 14), Sex = Sex.Female, FirstLanguage = "Polish",
        });

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await behaviour.Handle(new UpdatePersonDetails.Command { PersonId = child, Version = version }, (_, _) =>
        {
            person.UpdateDetails(new PersonDetails(new DateOnly(2018, 5, 14), null, null, Sex.Female, null, null, "Welsh", false, null, null, null));
            return ValueTask.FromResult(Unit.Value);
        }, CancellationToken.None));

        Assert.Equal("Alex First", ex.ChangedBy);
        Assert.Equal(AppFactory.Now.UtcDateTime.AddMinutes(2), ex.ChangedAtUtc);
        Assert.Equal("Polish", await WithDbAsync(d => d.People.Where(p => p.Id == child).Select(p => p.FirstLanguage).SingleAsync()));
    }

    internal static Person NewPerson(string given, string family) =>
        Person.Create(PersonType.Child, given, family, new PersonDetails(
            new DateOnly(2017, 1, 9), null, null, Sex.Male, null, null, null, false, null, null, null));
}
