using ChildrenServices.Application;
using ChildrenServices.Application.Behaviours;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Pipeline;

public sealed class AuditTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task CreatePerson_Succeeds_CommitsOneAuditRowNamingTheNewPerson()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");

        var id = await CreateChildAsync(practitioner);

        var entry = Assert.Single(await WithDbAsync(db => db.AuditEntries.ToListAsync()));
        Assert.Equal("CreatePerson", entry.Action);
        Assert.Equal(id, entry.PersonId);
        Assert.Equal(practitioner, entry.UserId);
        Assert.Equal(AppFactory.Now.UtcDateTime, entry.OccurredAtUtc);
        Assert.False(string.IsNullOrEmpty(entry.CorrelationId));
    }

    [Fact]
    public async Task AuditedCommand_SaveFails_NeitherTheChangeNorItsAuditRowIsWritten()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().Use(await PrincipalForAsync(services, practitioner));
        var db = services.GetRequiredService<IAppDbContext>();
        var transaction = new TransactionBehaviour<CreatePerson.Command, Guid>(db);
        var audit = new AuditBehaviour<CreatePerson.Command, Guid>(db, services.GetRequiredService<ICurrentUser>(), Factory.Clock);
        var person = TransactionTests.NewPerson("Doomed", "Save");

        // The handler's change is fine on its own; the relationship points at nobody, so the one save fails.
        await Assert.ThrowsAnyAsync<DbUpdateException>(async () => await transaction.Handle(NewChild(), (message, ct) =>
            audit.Handle(message, (_, _) =>
            {
                db.People.Add(person);
                db.Relationships.Add(new Relationship(person.Id, Guid.CreateVersion7(), RelationshipKind.Parent, true, null));
                return ValueTask.FromResult(person.Id);
            }, ct), CancellationToken.None));

        Assert.Equal(0, await WithDbAsync(d => d.People.CountAsync()));
        Assert.Equal(0, await WithDbAsync(d => d.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task GetPersonRecord_Viewed_WritesOneAuditRowForTheView()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var viewer = await CreateUserAsync(Roles.SocialWorker, "Vic Viewer");
        var child = await CreateChildAsync(practitioner);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        await SendAsUserAsync(viewer, new GetPersonRecord.Query(child));

        var view = Assert.Single(await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "GetPersonRecord").ToListAsync()));
        Assert.Equal(child, view.PersonId);
        Assert.Equal(viewer, view.UserId);
        Assert.Equal(AppFactory.Now.UtcDateTime.AddMinutes(5), view.OccurredAtUtc);
    }

    [Fact]
    public async Task GetPersonRecord_Refused_WritesNoAuditRow()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Performance");
        var child = await CreateChildAsync(practitioner);

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(officer, new GetPersonRecord.Query(child)));

        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "GetPersonRecord")));
    }

    [Fact]
    public async Task SaveChanges_AuditEntryModified_ThrowsAndKeepsTheRow()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateChildAsync(practitioner);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync();
            db.Entry(entry).Property(e => e.Action).CurrentValue = "Tampered";
            await db.SaveChangesAsync();
        }));

        Assert.Equal("Audit entries cannot be changed or deleted", ex.Message);
        Assert.Equal("CreatePerson", (await WithDbAsync(db => db.AuditEntries.SingleAsync())).Action);
    }

    [Fact]
    public async Task SaveChanges_AuditEntryDeleted_ThrowsAndKeepsTheRow()
    {
        var practitioner = await CreateUserAsync(Roles.FrontDoorPractitioner, "Fran Door");
        await CreateChildAsync(practitioner);

        await Assert.ThrowsAsync<InvalidOperationException>(() => WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await db.SaveChangesAsync();
        }));

        Assert.Equal(1, await WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
