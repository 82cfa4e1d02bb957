using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.FrontDoor;

public sealed class DecisionTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task Decide_WithoutRationale_IsRefusedAndNothingIsDecided()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => DecideAsync(Practitioner, contactId, ContactOutcome.NoFurtherAction, rationale: "   "));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Rationale");
        Assert.Equal(ContactStatus.AwaitingDecision, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Decide_BeforeAnyChildIsOnTheContact_IsRefused()
    {
        var contactId = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 0, 0)));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(Practitioner, contactId, ContactOutcome.NoFurtherAction));

        Assert.Contains("child", ex.Message);
    }

    [Fact]
    public async Task Decide_Referral_CreatesAReferralDueIn45WorkingDays_ForTheAssessmentTeam()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();

        var next = await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal(new DateOnly(2026, 11, 24), referral.ReferralDate);
        Assert.Equal(WorkingDayCalendar.EnglandAndWales.AddWorkingDays(new DateOnly(2026, 11, 24), 45), referral.AssessmentDueOn);
        Assert.Equal(new DateOnly(2027, 1, 29), referral.AssessmentDueOn);
        Assert.Equal(AssessmentTeam, referral.TeamId);
        Assert.Equal("2A", referral.SourceCode);
        Assert.Equal("N1", referral.PrimaryNeedCode);
        Assert.False(referral.IsReReferral);
        Assert.False(referral.ImmediateStrategyDiscussion);
        Assert.Contains("Assessment due 29 January 2027", next);
        var contact = await WithDbAsync(db => db.Contacts.Include(c => c.Decisions).SingleAsync(c => c.Id == contactId));
        Assert.Equal(ContactStatus.Decided, contact.Status);
        Assert.True(Assert.Single(contact.Decisions).WithinTimescale);
    }

    [Fact]
    public async Task Decide_AfterTheDeadline_IsRecordedAsLate()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 31, 0, TimeSpan.Zero));

        await DecideAsync(Practitioner, contactId, ContactOutcome.NoFurtherAction);

        var decision = await WithDbAsync(db => db.ContactDecisions.SingleAsync(d => d.ContactId == contactId));
        Assert.False(decision.WithinTimescale);
    }

    [Theory]
    [InlineData(364, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public async Task Decide_Referral_WithinTwelveMonthsOfTheLast_IsAReReferral(int daysSincePrevious, bool expected)
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var previous = new Referral(childId, null, new DateOnly(2026, 11, 24).AddDays(-daysSincePrevious), "3A", "N4", AssessmentTeam, false, null, WorkingDayCalendar.EnglandAndWales);
        previous.Close(previous.ReferralDate.AddDays(30), "RC8"); // still open, the contact would join it (rule 8815)
        await WithDbAsync(async db =>
        {
            db.Referrals.Add(previous);
            await db.SaveChangesAsync();
        });

        var involvement = await SendAsUserAsync(Practitioner, new GetPreviousInvolvement.Query(contactId));
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId && r.ContactId == contactId));
        Assert.Equal(expected, referral.IsReReferral);
        Assert.Equal(expected ? previous.Id : null, referral.PreviousReferralId);
        Assert.Equal(expected, involvement.ReReferrals.Count == 1);
    }

    [Fact]
    public async Task Decide_StrategyDiscussion_MarksTheReferralAndAlertsTheAssessmentManager()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();

        await DecideAsync(Practitioner, contactId, ContactOutcome.StrategyDiscussion);

        Assert.True(await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.ImmediateStrategyDiscussion).SingleAsync()));
        var alerts = await SendAsUserAsync(AssessmentManager, new Application.Notifications.GetMyNotifications.Query());
        var alert = Assert.Single(alerts);
        Assert.True(alert.Urgent);
        Assert.Equal($"/FrontDoor/Contacts/{contactId}", alert.Link);
        Assert.DoesNotContain("Riley", alert.Text);
        Assert.Empty(await SendAsUserAsync(Practitioner, new Application.Notifications.GetMyNotifications.Query()));
    }

    [Fact]
    public async Task Decide_EarlyHelp_SendsARequestForEveryChildToTheLocalityTeam()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var sibling = await CreateChildAsync(Practitioner, "Jude", "Taylor", new DateOnly(2020, 1, 2));
        await SendAsUserAsync(Practitioner, new AddPersonToContact.Command { ContactId = contactId, PersonId = sibling });

        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp);

        var request = await WithDbAsync(db => db.EarlyHelpRequests.Include(r => r.Children).SingleAsync());
        Assert.Equal(EarlyHelpTeam, request.TeamId);
        Assert.Equal(EarlyHelpRequestStatus.Pending, request.Status);
        Assert.Equal(new[] { childId, sibling }.Order(), request.Children.Select(c => c.ChildId).Order());
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task Decide_EarlyHelpToAnAssessmentTeam_IsRefused()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(Practitioner, new DecideContact.Command
        {
            ContactId = contactId, Version = await ContactVersionAsync(contactId), Outcome = ContactOutcome.EarlyHelp, Rationale = "Needs support", TeamId = AssessmentTeam,
        }));

        Assert.Contains(ex.Errors, e => e.PropertyName == "TeamId");
    }

    [Fact]
    public async Task Decide_AdviceOnly_NeedsAConsultation_AndIsCounted()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(Practitioner, contactId, ContactOutcome.AdviceOnly));
        await SendAsUserAsync(Practitioner, new RecordConsultation.Command
        {
            ContactId = contactId, Version = await ContactVersionAsync(contactId), Discussion = "Discussed", Advice = "School to support", BestPlaced = BestPlaced.Caller,
        });

        await DecideAsync(Practitioner, contactId, ContactOutcome.AdviceOnly, rationale: "The school is best placed; advice given.");

        var figures = await SendAsUserAsync(Manager, new GetFrontDoorFigures.Query());
        Assert.Equal(1, figures.Consultations);
        Assert.Equal(1, figures.AdviceOnly);
        Assert.Equal(1, figures.Decided);
        Assert.Equal(1, figures.DecidedWithinOneWorkingDay);
    }

    [Fact]
    public async Task Decide_Again_WithoutAReason_IsRefused_WithOne_SupersedesAndWithdrawsTheReferral()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp));
        Assert.Equal("CorrectionReason", ex.Field);

        await DecideAsync(Manager, contactId, ContactOutcome.EarlyHelp, correction: "Mum engaged overnight; early help is the proportionate response.");

        var decisions = await WithDbAsync(db => db.ContactDecisions.Where(d => d.ContactId == contactId).OrderBy(d => d.DecidedAtUtc).ToListAsync());
        Assert.Equal(2, decisions.Count);
        Assert.Equal(decisions[1].Id, decisions[0].SupersededById);
        Assert.Equal(ContactOutcome.Referral, decisions[0].Outcome);
        Assert.Equal(ReferralStatus.Withdrawn, await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await WithDbAsync(db => db.EarlyHelpRequests.CountAsync()));
    }

    [Fact]
    public async Task Decide_WhereSignOffIsRequired_WaitsForAManager_ThenTakesEffect()
    {
        Settings.DecisionsNeedManagerSignOff = true;
        var (contactId, childId) = await ContactAboutNewChildAsync();

        var next = await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        Assert.Contains("sign-off", next);
        Assert.Equal(0, await WithDbAsync(db => db.Referrals.CountAsync()));
        Assert.Equal(ContactStatus.AwaitingSignOff, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));

        await SendAsUserAsync(Manager, new SignOffDecision.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), Agreed = true });

        Assert.Equal(1, await WithDbAsync(db => db.Referrals.CountAsync(r => r.ChildId == childId)));
        Assert.Equal(ContactStatus.Decided, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task SignOff_NotAgreed_NeedsAReason_AndReturnsTheContact_ByTheDecisionMakerIsRefused()
    {
        Settings.DecisionsNeedManagerSignOff = true;
        var (contactId, _) = await ContactAboutNewChildAsync();
        await DecideAsync(Manager, contactId, ContactOutcome.NoFurtherAction);

        await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(Manager, new SignOffDecision.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), Agreed = true }));
        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(AssessmentManager, new SignOffDecision.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), Agreed = false }));
        Assert.Contains(ex.Errors, e => e.PropertyName == "Comment");
        await Assert.ThrowsAsync<Application.ForbiddenException>(async () => await SendAsUserAsync(Practitioner, new SignOffDecision.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), Agreed = true }));

        await SendAsUserAsync(AssessmentManager, new SignOffDecision.Command { ContactId = contactId, Version = await ContactVersionAsync(contactId), Agreed = false, Comment = "Check with health first." });

        var contact = await SendAsUserAsync(Practitioner, new GetContact.Query(contactId));
        Assert.Equal(ContactStatus.AwaitingDecision, contact.Status);
        Assert.Equal(SignOffState.NotAgreed, Assert.Single(contact.Decisions).SignOff);
        Assert.Equal("Check with health first.", contact.Decisions[0].SignOffComment);
    }

    [Fact]
    public async Task Decide_WithAStaleVersion_IsRefusedNamingWhoChangedIt()
    {
        var (contactId, _) = await ContactAboutNewChildAsync();
        var stale = await ContactVersionAsync(contactId);
        await DecideAsync(Manager, contactId, ContactOutcome.NoFurtherAction);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsUserAsync(Practitioner, new DecideContact.Command
        {
            ContactId = contactId, Version = stale, Outcome = ContactOutcome.AdviceAndSignposting, Rationale = "Signposted to parenting support",
        }));

        Assert.Contains("Sam Patel", ex.Message);
    }

    [Fact]
    public async Task PreviousInvolvement_ShowsASiblingsContact_AndAlertsOnARecentContactForTheChild()
    {
        var (first, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, first, ContactOutcome.AdviceAndSignposting);
        var sibling = await CreateChildAsync(Practitioner, "Jude", "Taylor", new DateOnly(2020, 1, 2));
        await SendAsUserAsync(Practitioner, new Application.People.AddRelationship.Command { PersonId = childId, RelatedPersonId = sibling, Kind = Domain.People.RelationshipKind.Sibling });
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var second = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 12, 4, 9, 0, 0), sibling));

        var involvement = await SendAsUserAsync(Practitioner, new GetPreviousInvolvement.Query(second));

        var earlier = Assert.Single(involvement.Contacts);
        Assert.Equal(first, earlier.ContactId);
        Assert.True(earlier.AboutSibling);
        Assert.Empty(involvement.RecentContacts);

        await SendAsUserAsync(Practitioner, new AddPersonToContact.Command { ContactId = second, PersonId = childId });
        involvement = await SendAsUserAsync(Practitioner, new GetPreviousInvolvement.Query(second));
        Assert.Equal("Riley Taylor", Assert.Single(involvement.RecentContacts).ChildName);
    }

    [Fact]
    public async Task Queue_PutsImmediateRiskFirstThenTheEarliestDeadline_AndFilters()
    {
        var routine = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 23, 9, 0, 0)));
        var immediate = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 45, 0)) with { Urgency = ContactUrgency.Immediate, Route = ContactRoute.PoliceNotification, AssignToMe = false });
        var later = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 8, 0, 0)));

        var queue = await SendAsUserAsync(Manager, new FrontDoorQueue.Query());

        Assert.Equal([immediate, routine, later], queue.Rows.Select(r => r.Id));
        Assert.Equal(3, queue.Counts.Waiting);
        Assert.Equal(1, queue.Counts.Overdue);
        Assert.Equal(1, queue.Counts.Unassigned);
        Assert.Equal([immediate], (await SendAsUserAsync(Manager, new FrontDoorQueue.Query { Route = ContactRoute.PoliceNotification })).Rows.Select(r => r.Id));
        Assert.Equal([immediate], (await SendAsUserAsync(Manager, new FrontDoorQueue.Query { Held = FrontDoorQueue.Holder.Unassigned })).Rows.Select(r => r.Id));
        Assert.Equal([routine], (await SendAsUserAsync(Manager, new FrontDoorQueue.Query { OverdueOnly = true })).Rows.Select(r => r.Id));
        Assert.Equal(2, (await SendAsUserAsync(Practitioner, new FrontDoorQueue.Query { Held = FrontDoorQueue.Holder.Me })).Total);
        var police = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 50, 0)) with { ReferralSourceCode = "6" });
        Assert.Equal([police], (await SendAsUserAsync(Manager, new FrontDoorQueue.Query { Source = "6" })).Rows.Select(r => r.Id));
    }
}
