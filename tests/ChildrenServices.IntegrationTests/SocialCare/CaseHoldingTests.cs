using ChildrenServices.Application;
using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Approvals;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Approvals;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// Who holds a case: the team of the lead allocation. A co-working team's manager gets nothing from
/// co-working; a restriction never locks out those responsible; one assessment per referral.
/// </summary>
public sealed class CaseHoldingTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid keyworker;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Referred today and held by the social worker (lead, assessment team), the early help keyworker co-working.</summary>
    private async Task<(Guid ChildId, Guid LeadAllocation, Guid CoWorkerAllocation)> CoWorkedChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var coWorking = new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager);
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(coWorking);
            await db.SaveChangesAsync();
        });
        var lead = await WithDbAsync(db => db.Allocations.Where(a => a.ChildId == childId && a.Role == AllocationRole.Lead).Select(a => a.Id).SingleAsync());
        return (childId, lead, coWorking.Id);
    }

    private static RecordCaseNote.Command Note(Guid childId) => new()
    {
        PersonId = childId, Type = CaseNoteType.Visit, OccurredOn = Today, OccurredAt = "09:00", Title = "Home visit",
        Text = "Riley showed me her room.", WhoWasSeen = "Riley", ChildSeen = true,
    };

    [Fact]
    public async Task CoWorkingTeamsManager_CannotRecordStatutoryWork_EndTheLead_OrTransfer()
    {
        var (childId, lead, _) = await CoWorkedChildAsync();
        var strategy = new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police", Section47 = true, Rationale = "Disclosure of harm." };

        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(Manager, strategy));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(Manager, new EndAllocation.Command(childId, lead)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(Manager, Note(childId)));
        Assert.Null((await SendAsUserAsync(Manager, new GetTransferOptions.Query(childId))).FromTeam);
        Assert.False((await SendAsUserAsync(Manager, new GetPersonRecord.Query(childId))).CanRecord);

        // The lead team's manager still holds the case; the co-worker keeps their own recording rights.
        Assert.Equal(AssessmentTeam, (await SendAsUserAsync(AssessmentManager, new GetTransferOptions.Query(childId))).FromTeam?.Id);
        await SendAsUserAsync(keyworker, Note(childId));
        await SendAsUserAsync(AssessmentManager, strategy);
        Assert.Null(await WithDbAsync(db => db.Allocations.Where(a => a.Id == lead).Select(a => a.EndedOn).SingleAsync()));
    }

    [Fact]
    public async Task RestrictRecord_ByAnotherManagerWhileTheReferralAwaitsAllocation_KeepsTheReferralTeamsManager()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        // Nobody is allocated yet, so the front door's manager may restrict it — with nobody else on the list.
        await SendAsUserAsync(Manager, new RestrictRecord.Command { PersonId = childId, Version = await VersionOfAsync(childId), Reason = RestrictionReason.HighProfile });

        Assert.True(await SendAsUserAsync(AssessmentManager, new GetPersonRecord.Query(childId)) is { Restriction: RestrictionReason.HighProfile });
        await AllocateAsync(AssessmentManager, childId, socialWorker);
    }

    [Fact]
    public async Task RestrictRecord_KeepsTheLeadTeamsManagerAndEveryAllocatedWorker()
    {
        var (childId, _, _) = await CoWorkedChildAsync();

        await SendAsUserAsync(AssessmentManager, new RestrictRecord.Command { PersonId = childId, Version = await VersionOfAsync(childId), Reason = RestrictionReason.HighProfile, AllowedUserIds = [] });

        var allowed = await WithDbAsync(db => db.People.Where(p => p.Id == childId).SelectMany(p => p.RestrictionGrants).Select(g => g.UserId).ToListAsync());
        Assert.Contains(AssessmentManager, allowed);
        Assert.Contains(socialWorker, allowed);
        Assert.Contains(keyworker, allowed);
        Assert.DoesNotContain(Manager, allowed);
    }

    [Fact]
    public async Task StartAssessment_OnAReferralWhoseAssessmentIsAuthorised_IsRefused()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var id = await SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today });
        await SendAsUserAsync(socialWorker, new RecordChildSeen.Command { PersonId = childId, AssessmentId = id, SeenOn = Today, Alone = true });
        await SendAsUserAsync(socialWorker, new SaveAssessment.Command
        {
            PersonId = childId, AssessmentId = id, Version = await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()),
            Analysis = "Needs are met with support from a child in need plan.", Factors = ["1B"], Outcome = AssessmentOutcome.ChildInNeedPlan,
        });
        await SendAsUserAsync(socialWorker, new SubmitAssessment.Command(childId, id, await WithDbAsync(db => db.ChildAndFamilyAssessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync())));
        var request = await WithDbAsync(db => db.ApprovalRequests.Where(a => a.Kind == ApprovalKind.AssessmentAuthorisation).Select(a => new { a.Id, a.Version }).SingleAsync());
        await SendAsUserAsync(AssessmentManager, new AuthoriseAssessment.Command { RequestId = request.Id, Version = request.Version, Approve = true, Rationale = "Clear analysis." });
        Assert.Equal(ReferralStatus.Open, await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Status).SingleAsync()));

        var second = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(socialWorker, new StartAssessment.Command { PersonId = childId, StartedOn = Today }));
        var page = await (await ClientFor(socialWorker).GetAsync($"/People/{childId}/Assessment", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("StartedOn", second.Field);
        Assert.Contains("already been authorised", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.ChildAndFamilyAssessments.CountAsync(a => a.ChildId == childId)));
        Assert.DoesNotContain("Start the assessment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReferralsAssessmentDeadline_FallsToTheReferralTeam_NotToAKeyworkerLeadingInEarlyHelp()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.Lead, Today, Manager));
            await db.SaveChangesAsync();
        });
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        var keyworkers = await SendAsUserAsync(keyworker, new Application.Home.GetMyDueWork.Query());
        var earlyHelpManagers = await SendAsUserAsync(Manager, new Application.Timescales.GetTeamDueWork.Query());
        var waiting = await SendAsUserAsync(AssessmentManager, new Application.Home.GetReferralsAwaitingAllocation.Query());

        Assert.DoesNotContain(keyworkers.Statutory!, r => r.Kind == Domain.Timescales.DueKind.Assessment);
        Assert.DoesNotContain(earlyHelpManagers, r => r.Kind == Domain.Timescales.DueKind.Assessment);
        Assert.Equal(childId, Assert.Single(waiting).ChildId);
    }

    [Fact]
    public async Task AfterAStepUp_TheAssessmentTeamsManagerAllocates_AndTheDeadlineGoesToTheirSocialWorker()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);

        // As a step-up leaves it: the keyworker co-working, the referral with the assessment team, no lead yet.
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });
        await AllocateAsync(AssessmentManager, childId, socialWorker);

        var due = await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query());
        Assert.Contains(due.Statutory!, r => r.Kind == Domain.Timescales.DueKind.Assessment && r.ChildId == childId);
        Assert.DoesNotContain((await SendAsUserAsync(keyworker, new Application.Home.GetMyDueWork.Query())).Statutory!, r => r.Kind == Domain.Timescales.DueKind.Assessment);
    }

    [Fact]
    public async Task ChildrenIHold_TwoCoWorkerRowsForOneChild_ListTheChildOnce()
    {
        var (childId, _, _) = await CoWorkedChildAsync();
        var secondTeam = FrontDoorTeam;
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, secondTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });

        var work = await SendAsUserAsync(keyworker, new Application.Home.GetMyWork.Query());

        Assert.Equal(childId, Assert.Single(work.MyCases).PersonId);
    }

    [Fact]
    public async Task ReferralsWaitingForAllocation_PastTheirDueDate_CarryAnOverdueTag()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        Factory.Clock.Advance(TimeSpan.FromDays(80));

        var waiting = Assert.Single(await SendAsUserAsync(AssessmentManager, new Application.Home.GetReferralsAwaitingAllocation.Query()));
        var page = await (await ClientFor(AssessmentManager).GetAsync("/Team", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(waiting.IsOverdue);
        Assert.Contains("Referrals waiting for allocation (1, 1 overdue)", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyWorkPage_KeepsTheServersOrder_CasesLedBeforeCasesCoWorked()
    {
        var (coWorked, _, _) = await CoWorkedChildAsync();
        var led = await CreateChildAsync(Practitioner, "Zara", "Young");
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(led, keyworker, EarlyHelpTeam, AllocationRole.Lead, Today, Manager));
            await db.SaveChangesAsync();
        });

        var html = await (await ClientFor(keyworker).GetAsync("/MyWork", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var ledAt = html.IndexOf($"/People/{led}\">Zara Young", StringComparison.Ordinal);
        var coWorkedAt = html.IndexOf($"/People/{coWorked}\">Riley Taylor", StringComparison.Ordinal);
        Assert.True(ledAt > 0 && coWorkedAt > 0, "Both children are listed");
        Assert.True(ledAt < coWorkedAt, "The child led comes before the child co-worked, though the names sort the other way");
        Assert.DoesNotContain("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
    }
}
