using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>CIN census rule 8815: a child has at most one open episode of need (referral).</summary>
public sealed class OneEpisodeOfNeedTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private async Task<Referral> OpenReferralAsync(Guid childId, int daysAgo = 20)
    {
        var referral = new Referral(childId, null, new DateOnly(2026, 11, 24).AddDays(-daysAgo), "3A", "N4", AssessmentTeam, false, null, WorkingDayCalendar.EnglandAndWales);
        await WithDbAsync(async db =>
        {
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
        });
        return referral;
    }

    [Fact]
    public async Task Rule8815_AReferralDecision_ForAChildWithAnOpenReferral_JoinsIt_AndAlertsTheHoldingTeamsManager()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var open = await OpenReferralAsync(childId);

        var next = await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var referral = Assert.Single(await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).ToListAsync()));
        Assert.Equal(open.Id, referral.Id);
        Assert.Equal(ReferralStatus.Open, referral.Status);
        Assert.Contains("already has an open referral", next);
        var alert = Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Notifications.GetMyNotifications.Query()));
        Assert.Equal($"/FrontDoor/Contacts/{contactId}", alert.Link);
        Assert.DoesNotContain("Riley", alert.Text);
        Assert.Equal(ContactStatus.Decided, await WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Rule8815_AReferralDecision_ForAChildWithALeadWorker_AlertsTheLeadWorker_NotTheManager()
    {
        var worker = await CreateUserAsync(Application.Security.Roles.SocialWorker, "Grace Mensah");
        await WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(t => t.Id == AssessmentTeam);
            team.AddMember(worker);
            await db.SaveChangesAsync();
        });
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await OpenReferralAsync(childId);
        await AllocateAsync(AssessmentManager, childId, worker);

        await DecideAsync(Practitioner, contactId, ContactOutcome.StrategyDiscussion);

        Assert.Equal(1, await WithDbAsync(db => db.Referrals.CountAsync(r => r.ChildId == childId)));
        var alert = Assert.Single(await SendAsUserAsync(worker, new Application.Notifications.GetMyNotifications.Query()));
        Assert.True(alert.Urgent);
        Assert.Equal($"/FrontDoor/Contacts/{contactId}", alert.Link);
    }

    [Fact]
    public async Task Rule8815_AReferralDecision_ForAChildWhoseLastReferralClosed_OpensANewOne()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        var closed = await OpenReferralAsync(childId, daysAgo: 100);
        await WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == closed.Id);
            referral.Close(new DateOnly(2026, 10, 1), "RC8");
            await db.SaveChangesAsync();
        });

        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var open = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId && r.Status == ReferralStatus.Open));
        Assert.Equal(contactId, open.ContactId);
        Assert.True(open.IsReReferral);
    }

    [Fact]
    public async Task Rule8815_ACorrectedReferralDecision_ReplacesItsOwnReferral_WithoutCountingItAsAnotherOpenOne()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        await DecideAsync(Practitioner, contactId, ContactOutcome.StrategyDiscussion, correction: "Significant harm was missed on first reading.");

        var referrals = await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).ToListAsync());
        Assert.Equal(2, referrals.Count);
        Assert.Single(referrals, r => r.Status == ReferralStatus.Withdrawn);
        Assert.True(Assert.Single(referrals, r => r.Status == ReferralStatus.Open).ImmediateStrategyDiscussion);
    }

    [Fact]
    public async Task Rule8815_TheDatabaseRefusesASecondOpenReferral_WithTheRule_ButNotAClosedOneBesideAnOpenOne()
    {
        var (_, childId) = await ContactAboutNewChildAsync();
        var first = await OpenReferralAsync(childId, daysAgo: 40);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => OpenReferralAsync(childId));
        Assert.Equal(Referral.OneOpenPerChild, ex.Message);

        await WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == first.Id);
            referral.Close(new DateOnly(2026, 11, 1), "RC7");
            await db.SaveChangesAsync();
        });
        await OpenReferralAsync(childId);
        Assert.Equal(2, await WithDbAsync(db => db.Referrals.CountAsync(r => r.ChildId == childId)));
    }
    [Fact]
    public async Task Rule8815_AnApprovedStepUp_ForAChildWithAnOpenReferral_KeepsThatOne()
    {
        var keyworker = await CreateUserAsync(Application.Security.Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.EarlyHelp, rationale: "Family agree to early help.");
        var earlyHelpRequest = await WithDbAsync(db => db.EarlyHelpRequests.Select(r => r.Id).SingleAsync());
        var episodeId = await SendAsUserAsync(Manager, new StartEpisode.Command { RequestId = earlyHelpRequest, KeyworkerId = keyworker, Kind = EpisodeKind.EarlyHelp });
        var open = await OpenReferralAsync(childId);
        var requestId = await SendAsUserAsync(keyworker, new RequestStepUp.Command { Urgent = false, EpisodeId = episodeId, Reasons = "Two missed visits and a new bruise; mum not engaging." });

        await SendAsUserAsync(Manager, new DecideStepUp.Command
        {
            RequestId = requestId,
            Version = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Version).SingleAsync()),
            Approve = true, Rationale = "Neglect continuing despite the plan; threshold met.", AssessmentTeamId = AssessmentTeam, PrimaryNeedCode = "N1",
        });

        var referral = Assert.Single(await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).ToListAsync()));
        Assert.Equal((open.Id, ReferralStatus.Open), (referral.Id, referral.Status));
    }
}
