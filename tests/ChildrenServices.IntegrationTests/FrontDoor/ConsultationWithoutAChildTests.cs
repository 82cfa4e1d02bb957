using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>A professional asking advice about no named child: the consultation ends with advice and is counted.</summary>
public sealed class ConsultationWithoutAChildTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private async Task<Guid> ConsultationAboutNoChildAsync()
    {
        var contactId = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 30, 0)));
        await SendAsUserAsync(Practitioner, new RecordConsultation.Command
        {
            ContactId = contactId,
            Version = await ContactVersionAsync(contactId),
            Discussion = "A health visitor asked how to raise worries about neglect with a family she has just started visiting.",
            Advice = "Talk to the parents openly about the worries first; use the early help assessment if they agree.",
            BestPlaced = BestPlaced.Caller,
        });
        return contactId;
    }

    [Fact]
    public async Task AdviceOnly_OnAConsultationAboutNoNamedChild_IsDecidedAndCountedWithoutAChild()
    {
        var contactId = await ConsultationAboutNoChildAsync();

        await DecideAsync(Practitioner, contactId, ContactOutcome.AdviceOnly, rationale: "Advice given; the caller keeps responsibility.");

        Assert.Equal(ContactStatus.Decided, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));
        var figures = await SendAsUserAsync(Manager, new GetFrontDoorFigures.Query());
        Assert.Equal((1, 1, 1), (figures.Consultations, figures.ConsultationsWithoutAChild, figures.AdviceOnly));
        var page = await (await ClientFor(Manager).GetAsync("/Performance", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Consultations without a child", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferral_OnAConsultationAboutNoNamedChild_StillNeedsTheChild()
    {
        var contactId = await ConsultationAboutNoChildAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(Practitioner, contactId, ContactOutcome.Referral));

        Assert.Equal("Outcome", ex.Field);
        Assert.StartsWith("Add the child (or children) this contact is about before deciding", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.ContactDecisions.CountAsync()));
    }
}
