using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.SocialCare;

/// <summary>
/// An initial conference without a section 47 here, for a child transferred in under another council's plan: the
/// plan starts on the open referral, with the plans elsewhere counted, under the rules every plan keeps.
/// </summary>
public sealed class TransferInConferenceTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid reviewingOfficer;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await AssessmentSocialWorkerAsync();
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
    }

    private async Task<Guid> ReferredChildAsync()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    [Fact]
    public async Task TheChair_RecordsATransferInConference_FromTheChildProtectionPage_AndThePlanStartsWithoutASection47()
    {
        var childId = await ReferredChildAsync();
        var officer = ClientFor(reviewingOfficer);
        Assert.Contains("Record a transfer-in conference", await PageAsync(officer, $"/People/{childId}/ChildProtection"), StringComparison.Ordinal);

        var response = await PostFormAsync(officer, $"/People/{childId}/ChildProtection/TransferIn",
            [.. DateFields("HeldOn", Today), F("Input.TransferredFrom", "Northfield County Council"), F("Input.InitialCategory", "NEG"), F("Input.PreviousPlansElsewhere", "2")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await WithDbAsync(db => db.ChildProtectionPlans.SingleAsync(p => p.ChildId == childId));
        Assert.Equal((null, Today, "NEG", "Northfield County Council", reviewingOfficer, 2), (plan.EnquiryId, plan.StartedOn, plan.InitialCategory, plan.TransferredFrom, plan.TransferInChairId, plan.PreviousPlansElsewhere));
        Assert.Empty(await WithDbAsync(db => db.ChildProtectionEnquiries.Where(e => e.ChildId == childId).ToListAsync()));
        var cp = await SendAsUserAsync(socialWorker, new GetChildProtection.Query(childId));
        Assert.Equal(2, cp.PreviousPlans);
        var page = await PageAsync(ClientFor(socialWorker), $"/People/{childId}/ChildProtection");
        Assert.Contains("chaired by Helen Marsh. The child came from Northfield County Council under a child protection plan.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a transfer-in conference", await PageAsync(officer, $"/People/{childId}/ChildProtection"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule8875_ATransferInConference_OnAWeekend_OrWithoutTheCouncilOrPlans_Returns400_WithEachMessageBesideItsField()
    {
        var childId = await ReferredChildAsync();
        var saturday = new DateOnly(2026, 11, 28);
        Factory.Clock.Advance(TimeSpan.FromDays(5));

        var response = await PostFormAsync(ClientFor(reviewingOfficer), $"/People/{childId}/ChildProtection/TransferIn",
            [.. DateFields("HeldOn", saturday), F("Input.TransferredFrom", ""), F("Input.InitialCategory", "NEG"), F("Input.PreviousPlansElsewhere", "0")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Enter the council the child was transferred in from", html, StringComparison.Ordinal);
        Assert.Contains("it includes the plan the child was transferred in under", html, StringComparison.Ordinal);
        Assert.Contains("value=\"28\"", html, StringComparison.Ordinal);

        var weekend = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(reviewingOfficer, new RecordTransferInConference.Command
        {
            PersonId = childId, HeldOn = saturday, TransferredFrom = "Northfield County Council", InitialCategory = "NEG", PreviousPlansElsewhere = 1,
        }));
        Assert.Equal(("HeldOn", "The transfer-in conference cannot be on a weekend: 28 November 2026 is a Saturday. Check the date"), (weekend.Field, weekend.Message));
        Assert.Empty(await WithDbAsync(db => db.ChildProtectionPlans.ToListAsync()));
    }

    [Fact]
    public async Task Rule8935_ASecondPlan_ByTransferIn_WhileOneIsOpen_IsRefused_AndASocialWorkerCannotRecordIt()
    {
        var childId = await ReferredChildAsync();
        RecordTransferInConference.Command Conference() => new()
        {
            PersonId = childId, HeldOn = Today, TransferredFrom = "Northfield County Council", InitialCategory = "EMO", PreviousPlansElsewhere = 1,
        };
        await Assert.ThrowsAsync<ChildrenServices.Application.ForbiddenException>(() => SendAsUserAsync(socialWorker, Conference()));
        await SendAsUserAsync(reviewingOfficer, Conference());

        var second = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(reviewingOfficer, Conference()));

        Assert.Equal(PlanOverlap.SecondOpenChildProtectionPlan, second.Message);
        Assert.Single(await WithDbAsync(db => db.ChildProtectionPlans.ToListAsync()));
    }

    [Fact]
    public async Task ATransferInConference_WithNoOpenReferral_OrAnOpenSection47_IsRefused()
    {
        var unreferred = await CreateChildAsync(Practitioner);
        var noReferral = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(reviewingOfficer, new RecordTransferInConference.Command
        {
            PersonId = unreferred, HeldOn = Today, TransferredFrom = "Northfield County Council", InitialCategory = "EMO", PreviousPlansElsewhere = 1,
        }));
        var childId = await ReferredChildAsync();
        await SendAsUserAsync(socialWorker, new RecordStrategyDiscussion.Command { PersonId = childId, HeldOn = Today, Agencies = "Police", Section47 = true, Rationale = "Disclosure at school." });

        var enquiryOpen = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(reviewingOfficer, new RecordTransferInConference.Command
        {
            PersonId = childId, HeldOn = Today, TransferredFrom = "Northfield County Council", InitialCategory = "EMO", PreviousPlansElsewhere = 1,
        }));

        Assert.StartsWith("The child has no open referral", noReferral.Message, StringComparison.Ordinal);
        Assert.Equal("A section 47 enquiry is open on this referral: record its initial conference instead", enquiryOpen.Message);
        Assert.Empty(await WithDbAsync(db => db.ChildProtectionPlans.ToListAsync()));
    }
}
