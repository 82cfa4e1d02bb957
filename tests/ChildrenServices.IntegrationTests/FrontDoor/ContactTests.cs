using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.FrontDoor;

public sealed class ContactTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task RecordContact_OnATuesday_IsDueAtTheSameTimeOnWednesday_AndHeldByTheRecorder()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();

        var contact = await WithDbAsync(db => db.Contacts.Include(c => c.People).SingleAsync(c => c.Id == contactId));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0), contact.ReceivedAtUtc);
        Assert.Equal(new DateTime(2026, 11, 25, 9, 30, 0), contact.DecisionDueAtUtc);
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Equal(Practitioner, contact.AssignedToId);
        Assert.Matches("^FD-[2-9A-Z]{4}-[2-9A-Z]{4}$", contact.Reference);
        Assert.Equal(childId, Assert.Single(contact.People).PersonId);
    }

    [Theory]
    [InlineData("2026-11-27T15:00", "2026-11-30T15:00")] // Friday → Monday
    [InlineData("2026-12-24T11:00", "2026-12-29T11:00")] // Christmas Eve → past Christmas and the Boxing Day substitute
    [InlineData("2026-11-28T10:00", "2026-11-30T23:59")] // Saturday → end of Monday
    [InlineData("2027-03-25T16:45", "2027-03-30T16:45")] // Thursday before Good Friday → Tuesday after Easter Monday (BST both ends)
    public async Task RecordContact_DeadlineIsOneWorkingDayAcrossWeekendsAndBankHolidays(string received, string due)
    {
        var receivedLocal = DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
        Factory.Clock.SetUtcNow(new DateTimeOffset(UkTime.ToUtc(receivedLocal).AddHours(1), TimeSpan.Zero));

        var id = await SendAsUserAsync(Practitioner, NewContact(receivedLocal));

        var stored = await WithDbAsync(db => db.Contacts.Where(c => c.Id == id).Select(c => c.DecisionDueAtUtc).SingleAsync());
        Assert.Equal(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture), UkTime.ToLocal(stored));
    }

    [Fact]
    public async Task RecordContact_BadInput_RefusedFieldByField()
    {
        var command = NewContact(new DateTime(2026, 11, 25, 9, 0, 0)) with
        {
            ReceivedTime = "25:61",
            ReferrerName = "",
            ReferralSourceCode = "ZZ",
            Concerns = new string('x', 100 * 1024),
            Consent = ConsentToShare.Overridden,
            ConsentOverrideReason = null,
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(Practitioner, command));

        var fields = ex.Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Contains("ReceivedDate", fields);
        Assert.Contains("ReceivedTime", fields);
        Assert.Contains("ReferrerName", fields);
        Assert.Contains("ReferralSourceCode", fields);
        Assert.Contains("Concerns", fields);
        Assert.Contains("ConsentOverrideReason", fields);
        Assert.Equal(0, await WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task RecordContact_TodayButLaterThanNow_Refused()
    {
        var command = NewContact(new DateTime(2026, 11, 24, 13, 0, 0));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => SendAsUserAsync(Practitioner, command));

        Assert.Contains(ex.Errors, e => e.PropertyName == "ReceivedTime" && e.ErrorMessage.Contains("future"));
    }

    [Fact]
    public async Task RecordContact_ByAKeyworker_IsForbidden()
    {
        var keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(keyworker, NewContact(new DateTime(2026, 11, 24, 9, 0, 0))));
    }

    [Fact]
    public async Task UpdateContactDetails_WithAStaleVersion_NamesWhoChangedIt()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var stale = await ContactVersionAsync(contactId);
        await SendAsUserAsync(Manager, new TakeContact.Command { ContactId = contactId, Version = stale });

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(Practitioner, new UpdateContactDetails.Command
        {
            ContactId = contactId,
            Version = stale,
        } with
        {
            Route = ContactRoute.Email,
            ReceivedDate = new DateOnly(2026, 11, 24),
            ReceivedTime = "09:30",
            ReferrerName = "Mrs Okonjo",
            ReferralSourceCode = "2A",
            Concerns = "Changed",
            Consent = ConsentToShare.Given,
            Urgency = ContactUrgency.Urgent,
        }));

        Assert.Contains("Sam Patel", ex.Message);
    }

    [Fact]
    public async Task AssignContact_ToSomeoneOutsideTheFrontDoor_Refused_ToAMember_Holds()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var colleague = await CreateUserAsync(Roles.FrontDoorPractitioner, "Mercy Okonjo");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == FrontDoorTeam)).AddMember(colleague);
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(Manager, new AssignContact.Command
        {
            ContactId = contactId, Version = await ContactVersionAsync(contactId), AssigneeId = socialWorker,
        }));
        await SendAsUserAsync(Manager, new AssignContact.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), AssigneeId = colleague });
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(Practitioner, new AssignContact.Command
        {
            ContactId = contactId, Version = await ContactVersionAsync(contactId), AssigneeId = Practitioner,
        }));

        Assert.Equal(colleague, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.AssignedToId).SingleAsync()));
    }

    [Fact]
    public async Task RecordConsultation_KeepsTheConversationAndOnlyFilledActions()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();

        await SendAsUserAsync(Practitioner, new RecordConsultation.Command
        {
            ContactId = contactId,
            Version = await ContactVersionAsync(contactId),
            Discussion = "Talked through the bruising and the attendance pattern with the DSL.",
            Advice = "School to speak with mum today and offer the breakfast club.",
            BestPlaced = BestPlaced.Caller,
            Actions =
            [
                new RecordConsultation.ActionInput { Action = "Meet mum at pick-up", Owner = "DSL", DueOn = new DateOnly(2026, 11, 25) },
                new RecordConsultation.ActionInput(),
            ],
        });

        var result = await SendAsUserAsync(Practitioner, new GetContact.Query(contactId));
        Assert.Equal(BestPlaced.Caller, result.Consultation!.BestPlaced);
        Assert.Equal("Priya Fenwick", result.ConsultationRecordedByName);
        Assert.Equal("Meet mum at pick-up", Assert.Single(result.Actions).Action);
    }

    [Fact]
    public async Task AddPersonToContact_AnAdult_IsOnTheContactAsAnAdult()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var mum = await SendAsUserAsync(Practitioner, NewChild("Kerry", "Taylor", new DateOnly(1990, 3, 3)) with { Type = Domain.People.PersonType.Adult, ConfirmedNotDuplicate = true });

        await SendAsUserAsync(Practitioner, new AddPersonToContact.Command { ContactId = contactId, PersonId = mum });

        var result = await SendAsUserAsync(Practitioner, new GetContact.Query(contactId));
        Assert.Equal("Kerry Taylor", Assert.Single(result.Adults).FullName);
    }

    [Fact]
    public async Task ViewingAContact_IsAuditedOnTheChildsRecord()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();

        await SendAsUserAsync(Practitioner, new GetContact.Query(contactId));

        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.PersonId == childId && a.Action == "GetContact" && a.UserId == Practitioner)));
    }

    [Fact]
    public async Task AContactAboutARestrictedChild_DoesNotExistForOthers()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var other = await CreateUserAsync(Roles.FrontDoorPractitioner, "Mercy Okonjo");
        await WithDbAsync(async db =>
        {
            var child = await db.People.SingleAsync(p => p.Id == childId);
            child.Restrict(Domain.People.RestrictionReason.HighProfile, new DateOnly(2026, 11, 24), new DateOnly(2027, 2, 22), [Practitioner]);
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<NotFoundException>(() => SendAsUserAsync(other, new GetContact.Query(contactId)));
        var queue = await SendAsUserAsync(other, new FrontDoorQueue.Query());
        Assert.DoesNotContain(queue.Rows, r => r.Id == contactId);
        Assert.Equal(0, queue.Counts.Waiting);
        var mine = await SendAsUserAsync(Practitioner, new FrontDoorQueue.Query());
        Assert.Contains(mine.Rows, r => r.Id == contactId);
    }
}
