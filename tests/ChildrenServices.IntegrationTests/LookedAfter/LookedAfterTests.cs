using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.LookedAfter;

/// <summary>
/// A period of care recorded the way a worker records it — "started to be looked after", "moved to new carers",
/// "interim care order granted" — through the real pipeline, with the episode chain, reviews, visits, missing
/// episodes and due dates read back. The fake clock's today is Tuesday 24 November 2026.
/// </summary>
public sealed class LookedAfterTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;
    private Guid keyworker;
    private Guid reviewingOfficer;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        keyworker = await CreateUserAsync(Roles.FamilyKeyworker, "Tom Ashdown");
        reviewingOfficer = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        await WithDbAsync(async db =>
        {
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == AssessmentTeam)).AddMember(socialWorker);
            (await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == EarlyHelpTeam)).AddMember(keyworker);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A child born 14 May 2018, held by the social worker in the assessment team.</summary>
    private async Task<Guid> HeldChildAsync()
    {
        var childId = await CreateChildAsync(Practitioner);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        return childId;
    }

    private static BecomeLookedAfter.Command Start(Guid childId, DateOnly on, string carer = "Smith family", string legalStatus = "C1", string placementType = "U6", string? provider = "PR1", bool longTerm = false) => new()
    {
        PersonId = childId, StartedOn = on, LegalStatus = legalStatus, CategoryOfNeed = "N1",
        PlacementType = placementType, PlacementProvider = provider, PlacementPostcode = "SN1 2AB", PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, PreviousPermanence = "Z1", Carer = carer, IntendedLongTerm = longTerm,
        ReferralSourceCode = "1B", PrimaryNeedCode = "N1",
    };

    private async Task<(Guid Id, Guid Version)> PeriodAsync(Guid childId) =>
        await WithDbAsync(async db => await db.PeriodsOfCare.Where(p => p.ChildId == childId).OrderByDescending(p => p.StartedOn)
            .Select(p => new ValueTuple<Guid, Guid>(p.Id, p.Version)).FirstAsync());

    private async Task<RecordPlacementChange.Command> MoveAsync(Guid childId, DateOnly on, string carer, bool sameCarer = false, string? legalStatus = null, string postcode = "SN2 3CD", string? reason = "CARPL")
    {
        var (id, version) = await PeriodAsync(childId);
        return new RecordPlacementChange.Command
        {
            PersonId = childId, PeriodOfCareId = id, Version = version, ChangedOn = on, PlacementType = "U6", PlacementProvider = "PR1",
            PlacementPostcode = postcode, PlacementUrn = "SC123456", PlacementApproval = Domain.LookedAfter.PlacementApproval.Approved, Carer = carer, SameCarer = sameCarer, LegalStatus = legalStatus, ReasonForChange = reason,
        };
    }

    private async Task<RecordLegalStatusChange.Command> LegalStatusAsync(Guid childId, DateOnly on, string legalStatus)
    {
        var (id, version) = await PeriodAsync(childId);
        return new RecordLegalStatusChange.Command { PersonId = childId, PeriodOfCareId = id, Version = version, ChangedOn = on, LegalStatus = legalStatus };
    }

    private async Task<LeaveCare.Command> LeaveAsync(Guid childId, DateOnly on, string reason)
    {
        var (id, version) = await PeriodAsync(childId);
        return new LeaveCare.Command { PersonId = childId, PeriodOfCareId = id, Version = version, EndedOn = on, ReasonCeased = reason };
    }

    private async Task<RecordClaReview.Command> ReviewAsync(Guid childId, DateOnly on, string participation = "PN1")
    {
        var (id, version) = await PeriodAsync(childId);
        return new RecordClaReview.Command
        {
            PersonId = childId, PeriodOfCareId = id, Version = version, HeldOn = on, ParticipationCode = participation,
            Attendees = "Riley, foster carers, social worker", CarePlanEndorsed = true,
        };
    }

    private async Task<RecordClaVisit.Command> VisitAsync(Guid childId, DateOnly on, bool seen = true, bool alone = false)
    {
        var (id, version) = await PeriodAsync(childId);
        return new RecordClaVisit.Command { PersonId = childId, PeriodOfCareId = id, Version = version, VisitedOn = on, ChildSeen = seen, SeenAlone = alone };
    }

    [Fact]
    public async Task TheWorkersEvents_BuildTheEpisodeChain_S_P_L_ThenCareEndsWithTheReason()
    {
        var childId = await HeldChildAsync();

        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 1, 5)));
        await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 3, 2), "Jones family"));
        await SendAsUserAsync(socialWorker, await LegalStatusAsync(childId, new DateOnly(2026, 6, 15), "C2"));
        await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 10, 1), "E46"));

        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));
        var period = Assert.Single(care.Periods);
        Assert.Equal((new DateOnly(2026, 10, 1), "E46"), (period.EndedOn, period.ReasonCeased));
        Assert.Equal(
            [
                (new DateOnly(2026, 1, 5), "S", "Started to be looked after", "C1", "Smith family", (DateOnly?)new DateOnly(2026, 3, 2), "X1"),
                (new DateOnly(2026, 3, 2), "P", "Placement changed, new carers", "C1", "Jones family", new DateOnly(2026, 6, 15), "X1"),
                (new DateOnly(2026, 6, 15), "L", "Legal status changed", "C2", "Jones family", new DateOnly(2026, 10, 1), "E46"),
            ],
            period.Episodes.Select(e => (e.StartedOn, e.ReasonForNewEpisode, e.WhatHappened, e.LegalStatus, e.Carer, e.EndedOn, e.ReasonCeased)).ToList());
        Assert.Null(period.NextReview);
        Assert.Null(period.NextVisit);
        var audited = await WithDbAsync(db => db.AuditEntries.Where(a => a.PersonId == childId && a.UserId == socialWorker).Select(a => a.Action).ToListAsync());
        Assert.Equal(["BecomeLookedAfter", "LeaveCare", "RecordLegalStatusChange", "RecordPlacementChange"], audited.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false, "B", "Legal status and placement changed, new carers")]
    [InlineData(true, "U", "Legal status and placement changed, same carers")]
    public async Task APlacementChange_CarryingANewLegalStatus_IsOneEpisode_BOrU(bool sameCarer, string reason, string words)
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1), legalStatus: "L2"));

        await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 9, 8), sameCarer ? "Smith family" : "Jones family", sameCarer, legalStatus: "C1"));

        var episodes = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods).Episodes;
        Assert.Equal([("S", "L2"), (reason, "C1")], episodes.Select(e => (e.ReasonForNewEpisode, e.LegalStatus)).ToList());
        Assert.Equal(words, episodes[^1].WhatHappened);
    }

    [Fact]
    public async Task AKeyworkerCoWorkingTheCase_CanReadTheCare_ButNotRecordIt()
    {
        var childId = await HeldChildAsync();
        await WithDbAsync(async db =>
        {
            db.Allocations.Add(new Allocation(childId, keyworker, EarlyHelpTeam, AllocationRole.CoWorker, Today, Manager));
            await db.SaveChangesAsync();
        });
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2)));

        var read = await SendAsUserAsync(keyworker, new GetPeriodsOfCare.Query(childId));
        var move = await MoveAsync(childId, new DateOnly(2026, 11, 20), "Jones family");

        Assert.False(read.CanRecord);
        Assert.Single(read.Periods);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(keyworker, move));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(keyworker, await VisitAsync(childId, Today)));
        Assert.Single(await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).ToListAsync()));
    }

    [Fact]
    public async Task AReviewingOfficer_RecordsAReviewOnAChildTheyDoNotHold_ButNotAPlacementChangeOrAVisit()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 10, 1)));

        var read = await SendAsUserAsync(reviewingOfficer, new GetPeriodsOfCare.Query(childId));
        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 10, 27), "PN2"));
        var move = await MoveAsync(childId, new DateOnly(2026, 11, 2), "Jones family");
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(reviewingOfficer, move));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(reviewingOfficer, await VisitAsync(childId, Today)));

        Assert.Equal((false, true), (read.CanRecord, read.CanRecordReviews));
        var review = await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).SingleAsync());
        Assert.Equal((new DateOnly(2026, 10, 27), "PN2", reviewingOfficer), (review.HeldOn, review.ParticipationCode, review.ReviewingOfficerId));
        var shown = Assert.Single(Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods).Reviews);
        Assert.Equal("Helen Marsh", shown.ReviewingOfficer);
        Assert.Contains(await WithDbAsync(db => db.AuditEntries.Where(a => a.PersonId == childId && a.UserId == reviewingOfficer).Select(a => a.Action).ToListAsync()), a => a == "RecordClaReview");
        Assert.Single(await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).ToListAsync()));
    }

    [Fact]
    public async Task TheSocialWorkerHoldingTheCase_CannotRecordAReview_TheChairMustBeIndependent()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 10, 1)));

        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(socialWorker, await ReviewAsync(childId, new DateOnly(2026, 10, 27))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await SendAsUserAsync(AssessmentManager, await ReviewAsync(childId, new DateOnly(2026, 10, 27))));

        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).ToListAsync()));
    }

    [Fact]
    public async Task AReviewingOfficer_CannotRecordAReviewOnARestrictedChildTheyAreNotAllowed()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 10, 1)));
        var review = await ReviewAsync(childId, new DateOnly(2026, 10, 27));
        await SendAsUserAsync(AssessmentManager, new RestrictRecord.Command { PersonId = childId, Version = await VersionOfAsync(childId), Reason = RestrictionReason.HighProfile });

        await Assert.ThrowsAsync<NotFoundException>(async () => await SendAsUserAsync(reviewingOfficer, review));

        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).ToListAsync()));
    }

    [Fact]
    public async Task RestrictRecord_TheReviewingOfficerWhoReviewsTheChild_StaysOnTheList()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 10, 1)));
        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 10, 27)));

        await SendAsUserAsync(AssessmentManager, new RestrictRecord.Command { PersonId = childId, Version = await VersionOfAsync(childId), Reason = RestrictionReason.HighProfile });

        Assert.True(await WithDbAsync(db => db.People.AnyAsync(p => p.Id == childId && p.RestrictionGrants.Any(g => g.UserId == reviewingOfficer))));
        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 11, 20)));
        Assert.Equal(2, await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Reviews).CountAsync()));
    }

    [Fact]
    public async Task BecomeLookedAfter_WithNothingFilledIn_NamesEveryField()
    {
        var childId = await HeldChildAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(socialWorker, new BecomeLookedAfter.Command { PersonId = childId }));

        Assert.Equal(
            ["Carer", "CategoryOfNeed", "LegalStatus", "PlacementApproval", "PlacementType", "StartedOn"],
            ex.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal).ToList());
        Assert.Contains(ex.Errors, e => e.PropertyName == "StartedOn" && e.ErrorMessage == "Enter the date the child started to be looked after");
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync()));
    }

    [Theory]
    [InlineData("future", "StartedOn", "The date the child started to be looked after must be today or in the past")]
    [InlineData("before birth", "StartedOn", "The date the child started to be looked after cannot be before their date of birth, 14 May 2018 (DfE rule 302)")]
    [InlineData("unknown legal status", "LegalStatus", "'C9' is not an SSDA903 legal status")]
    [InlineData("unknown placement type", "PlacementType", "'X1' is not an SSDA903 placement type")]
    [InlineData("unknown provider", "PlacementProvider", "'PR9' is not an SSDA903 placement provider")]
    [InlineData("temporary placement", "PlacementType", "A period of care cannot start with a temporary placement (DfE rule 380)")]
    [InlineData("bad postcode", "PlacementPostcode", "Enter a real postcode, like SN1 2AB")]
    public async Task BecomeLookedAfter_BadInput_IsRefusedBesideTheField_AndNothingIsWritten(string what, string field, string message)
    {
        var childId = await HeldChildAsync();
        var good = Start(childId, new DateOnly(2026, 11, 2));
        var command = what switch
        {
            "future" => good with { StartedOn = Today.AddDays(1) },
            "before birth" => good with { StartedOn = new DateOnly(2018, 5, 13) },
            "unknown legal status" => good with { LegalStatus = "C9" },
            "unknown placement type" => good with { PlacementType = "X1" },
            "unknown provider" => good with { PlacementProvider = "PR9" },
            "temporary placement" => good with { PlacementType = "T4", PlacementProvider = null, PlacementUrn = null },
            _ => good with { PlacementPostcode = "not a postcode" },
        };

        var ex = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, command));

        Assert.Equal((field, message), (ex.Field, ex.Message));
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync()));
    }

    [Fact]
    public async Task BecomeLookedAfter_WhileLookedAfter_OrBeforeTheLastPeriodEnded_IsRefused()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 6, 1)));

        var twice = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2))));
        await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 9, 30), "E4A"));
        var overlapping = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 29))));
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2), carer: "Jones family"));

        Assert.Equal(("StartedOn", "The child has been looked after since 1 June 2026: record a change of legal status or placement instead"), (twice.Field, twice.Message));
        Assert.Equal(("StartedOn", "The child's last period of care ended on 30 September 2026: a new one cannot start before that"), (overlapping.Field, overlapping.Message));
        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 6, 1)], care.Periods.Select(p => p.StartedOn).ToList());
        Assert.Equal(care.Periods[0], care.Open);
    }

    [Fact]
    public async Task AChildWithNoOpenReferral_BecomingLookedAfter_IsAskedForTheSourceAndNeed_AndAnEpisodeOfNeedOpensThatDay()
    {
        var childId = await HeldChildAsync();
        var neither = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2)) with { ReferralSourceCode = null, PrimaryNeedCode = null }));
        var noNeed = await Assert.ThrowsAsync<ValidationException>(async () => await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2)) with { PrimaryNeedCode = null }));
        Assert.Equal([("ReferralSourceCode", BecomeLookedAfter.SourceNeeded), ("PrimaryNeedCode", BecomeLookedAfter.NeedNeeded)], neither.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());
        Assert.Equal([("PrimaryNeedCode", BecomeLookedAfter.NeedNeeded)], noNeed.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());
        Assert.Empty(await WithDbAsync(db => db.PeriodsOfCare.ToListAsync()));

        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2)) with { ReferralSourceCode = "5A", PrimaryNeedCode = "N4" });

        var referral = await WithDbAsync(db => db.Referrals.SingleAsync(r => r.ChildId == childId));
        Assert.Equal((new DateOnly(2026, 11, 2), "5A", "N4", AssessmentTeam, Domain.SocialCare.ReferralStatus.Open, (Guid?)null),
            (referral.ReferralDate, referral.SourceCode, referral.PrimaryNeedCode, referral.TeamId, referral.Status, referral.ContactId));
        Assert.Single(await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == childId).ToListAsync()));
    }

    [Fact]
    public async Task AChildWithAnOpenReferral_BecomingLookedAfter_KeepsThatEpisodeOfNeed_AndIsNotAskedAgain()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var before = await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Id).SingleAsync());

        await SendAsUserAsync(socialWorker, Start(childId, Today) with { ReferralSourceCode = null, PrimaryNeedCode = null });

        Assert.Equal([before], await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId).Select(r => r.Id).ToListAsync()));
        Assert.Single(await WithDbAsync(db => db.PeriodsOfCare.Where(p => p.ChildId == childId).ToListAsync()));
    }

    [Fact]
    public async Task TheStartPage_AsksForTheSourceAndNeed_OnlyWhenTheChildHasNoOpenReferral()
    {
        var held = await HeldChildAsync();
        var (contactId, referred) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, referred, socialWorker);
        var client = ClientFor(socialWorker);

        var withoutReferral = await Pages.PageHelpers.PageAsync(client, $"/People/{held}/LookedAfter/Start");
        var withReferral = await Pages.PageHelpers.PageAsync(client, $"/People/{referred}/LookedAfter/Start");

        var neither = await Pages.PageHelpers.PostAndConfirmAsync(client, $"/People/{held}/LookedAfter/Start",
            [Pages.PageHelpers.F("Input.StartedOn.Day", "2"), Pages.PageHelpers.F("Input.StartedOn.Month", "11"), Pages.PageHelpers.F("Input.StartedOn.Year", "2026"), Pages.PageHelpers.F("Input.LegalStatus", "V2"), Pages.PageHelpers.F("Input.CategoryOfNeed", "N4"),
             Pages.PageHelpers.F("Input.PlacementType", "U6"), Pages.PageHelpers.F("Input.PlacementProvider", "PR1"), Pages.PageHelpers.F("Input.Carer", "Smith family"), Pages.PageHelpers.F("Input.PlacementPostcode", "SN1 2AB"), Pages.PageHelpers.F("Input.PlacementUrn", "SC123456"), Pages.PageHelpers.F("Input.PlacementApproval", "Approved"), Pages.PageHelpers.F("Input.PreviousPermanence", "Z1")]);
        var refused = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await neither.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, neither.StatusCode);
        Assert.Contains(BecomeLookedAfter.SourceNeeded, refused.QuerySelector("#Input_ReferralSourceCode-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(BecomeLookedAfter.NeedNeeded, refused.QuerySelector("#Input_PrimaryNeedCode-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Smith family", (refused.QuerySelector("#Input_Carer") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        Assert.Contains("name=\"Input.ReferralSourceCode\"", withoutReferral, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.PrimaryNeedCode\"", withoutReferral, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.ReferralSourceCode\"", withReferral, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule431_ANewPeriodOfCare_CannotStartOnTheDayTheLastEnded_ButCanTheDayAfter()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 6, 1)));
        await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 9, 30), "E4A"));

        var sameDay = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 30), carer: "Jones family")));
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 10, 1), carer: "Jones family"));

        Assert.Equal("StartedOn", sameDay.Field);
        Assert.StartsWith("The child's last period of care ended on 30 September 2026: a new one cannot start the same day (SSDA903 rule 431)", sameDay.Message, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 6, 1)], (await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods.Select(p => p.StartedOn).ToList());
    }

    [Fact]
    public async Task Changes_EndBeforeStart_FutureDates_AndUnknownCodes_AreRefusedBesideTheField()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1)));
        await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 10, 1), "Jones family"));

        var endBeforeStart = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 9, 30), "E4A")));
        var unknownReason = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 11, 2), "E99")));
        var futureMove = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await MoveAsync(childId, Today.AddDays(1), "Brown family")));
        var moveBeforeEpisode = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 9, 15), "Brown family")));
        var unknownStatus = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await LegalStatusAsync(childId, new DateOnly(2026, 11, 2), "Z9")));
        var newCarersSameName = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 11, 2), "jones family", postcode: "SN3 4EF")));
        var reviewBeforeCare = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 8, 31))));
        var unknownParticipation = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 9, 20), "PN9")));
        var aloneButUnseen = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 10, 2), seen: false, alone: true)));

        Assert.Equal(("EndedOn", "The date the child stopped being looked after cannot be before the current episode started, on 1 October 2026"), (endBeforeStart.Field, endBeforeStart.Message));
        Assert.Equal(("ReasonCeased", "'E99' is not an SSDA903 reason episode ceased"), (unknownReason.Field, unknownReason.Message));
        Assert.Equal(("ChangedOn", "The date of the change must be today or in the past"), (futureMove.Field, futureMove.Message));
        Assert.Equal(("ChangedOn", "The date of the change cannot be before the current episode started, on 1 October 2026"), (moveBeforeEpisode.Field, moveBeforeEpisode.Message));
        Assert.Equal(("LegalStatus", "'Z9' is not an SSDA903 legal status"), (unknownStatus.Field, unknownStatus.Message));
        Assert.Equal("SameCarer", newCarersSameName.Field);
        Assert.Equal(("HeldOn", "The date of the review cannot be before the child started to be looked after, on 1 September 2026"), (reviewBeforeCare.Field, reviewBeforeCare.Message));
        Assert.Equal(("ParticipationCode", "'PN9' is not an SSDA903 review participation code"), (unknownParticipation.Field, unknownParticipation.Message));
        Assert.Equal("SeenAlone", aloneButUnseen.Field);
        var period = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);
        Assert.Equal(["S", "P"], period.Episodes.Select(e => e.ReasonForNewEpisode).ToList());
        Assert.True(period.IsOpen);
        Assert.Empty(period.Reviews);
        Assert.Empty(period.Visits);
    }

    [Fact]
    public async Task ASecondWriter_WithAStaleVersion_IsToldWhoChangedIt_AndTheirChangeIsNotSaved()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1)));
        var seenByWorker = await MoveAsync(childId, new DateOnly(2026, 11, 2), "Jones family");
        var seenByManager = await LegalStatusAsync(childId, new DateOnly(2026, 11, 3), "C2");
        Factory.Clock.Advance(TimeSpan.FromMinutes(12));

        await SendAsUserAsync(socialWorker, seenByWorker);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await SendAsUserAsync(AssessmentManager, seenByManager));

        Assert.Equal("Grace Okafor-Lyle", conflict.ChangedBy);
        Assert.Contains("10:12", conflict.Message, StringComparison.Ordinal);
        var episodes = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods).Episodes;
        Assert.Equal([("S", "C1"), ("P", "C1")], episodes.Select(e => (e.ReasonForNewEpisode, e.LegalStatus)).ToList());
    }

    [Fact]
    public async Task AVisitOrReviewAdded_VersionsThePeriod_SoAnEditLoadedBeforeItIsRefused()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1)));
        var before = await PeriodAsync(childId);
        var leaveLoadedEarlier = await LeaveAsync(childId, new DateOnly(2026, 11, 20), "E4A");

        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 9, 28)));

        var after = await PeriodAsync(childId);
        Assert.NotEqual(before.Version, after.Version);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await SendAsUserAsync(socialWorker, leaveLoadedEarlier));
        Assert.Equal("Helen Marsh", conflict.ChangedBy);
        Assert.Null(await WithDbAsync(db => db.PeriodsOfCare.Select(p => p.EndedOn).SingleAsync()));
    }

    [Theory]
    [InlineData("episode")]
    [InlineData("review")]
    [InlineData("visit")]
    [InlineData("missing")]
    public async Task ChangingOnlyAPartOfThePeriod_StillGivesThePeriodANewVersion(string part)
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1)));
        var before = await PeriodAsync(childId);

        // Outside the pipeline, with no version expected: only the save's own bookkeeping can version the root.
        await WithDbAsync(async db =>
        {
            var period = await db.PeriodsOfCare.Include(p => p.Episodes).Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.MissingEpisodes).SingleAsync();
            _ = part switch
            {
                "episode" => (object)period.ChangeLegalStatus(new DateOnly(2026, 10, 1), "C2", Today),
                "review" => period.RecordReview(new DateOnly(2026, 9, 28), "PN1", reviewingOfficer, Today),
                "visit" => period.RecordVisit(new DateOnly(2026, 9, 7), true, false, Today),
                _ => period.RecordMissing("A", new DateOnly(2026, 10, 3), null, Today),
            };
            await db.SaveChangesAsync();
        });

        Assert.NotEqual(before.Version, (await PeriodAsync(childId)).Version);
    }

    [Fact]
    public async Task DueDates_FirstReviewIn20WorkingDays_AVisitAWeekAfterEachMove_ThenSixWeeksAfterTheLastVisitTheChildWasSeen()
    {
        var childId = await HeldChildAsync();

        // Looked after from Monday 2 November 2026: the first review is due 20 working days later, Monday 30
        // November (4 working days from today: amber); the first visit a week after the placement began, 9 November (overdue).
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 11, 2)));
        var started = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);

        await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 11, 10), seen: false));
        var unseen = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 11, 11), alone: true));
        var visited = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);
        await SendAsUserAsync(socialWorker, await LegalStatusAsync(childId, new DateOnly(2026, 11, 16), "C2"));
        var legalOnly = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);
        await SendAsUserAsync(socialWorker, await MoveAsync(childId, new DateOnly(2026, 11, 20), "Jones family"));
        var moved = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);
        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 11, 23)));
        var reviewed = Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods);

        Assert.Equal((DueKind.LookedAfterReview, new DateOnly(2026, 11, 30), RagStatus.Amber, 4), (started.NextReview!.Kind, started.NextReview.DueOn, started.NextReview.Status, started.NextReview.WorkingDaysLeft));
        Assert.Equal((new DateOnly(2026, 11, 9), RagStatus.Red), (started.NextVisit!.DueOn, started.NextVisit.Status));
        Assert.Equal("1 week after the placement started on 2 November 2026", started.NextVisit.CountedFrom);
        Assert.Equal(new DateOnly(2026, 11, 9), unseen.NextVisit!.DueOn);
        Assert.Equal((new DateOnly(2026, 12, 23), RagStatus.Green), (visited.NextVisit!.DueOn, visited.NextVisit.Status));
        Assert.Equal(new DateOnly(2026, 12, 23), legalOnly.NextVisit!.DueOn);
        Assert.Equal((new DateOnly(2026, 11, 27), RagStatus.Amber), (moved.NextVisit!.DueOn, moved.NextVisit.Status));
        Assert.Equal((new DateOnly(2027, 2, 23), RagStatus.Green), (reviewed.NextReview!.DueOn, reviewed.NextReview.Status));
        Assert.Equal("3 months after the first review, on 23 November 2026", reviewed.NextReview.CountedFrom);
    }

    [Fact]
    public async Task MissingFromPlacement_CareCannotEndWhileMissing_ThenTheReturnAndTheReturnInterview()
    {
        var childId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(childId, new DateOnly(2026, 9, 1)));
        var (periodId, version) = await PeriodAsync(childId);
        var missingId = await SendAsUserAsync(socialWorker, new RecordMissingEpisode.Command { PersonId = childId, PeriodOfCareId = periodId, Version = version, MissingType = "M", StartedOn = new DateOnly(2026, 11, 10) });

        var stillMissing = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 11, 20), "E4A")));
        var interviewTooSoon = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await InterviewAsync(true, true, null)));
        var backBeforeGone = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await ReturnAsync(new DateOnly(2026, 11, 9))));
        await SendAsUserAsync(socialWorker, await ReturnAsync(new DateOnly(2026, 11, 12)));
        var acceptedNotOffered = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await InterviewAsync(false, true, null)));
        var heldBeforeReturn = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, await InterviewAsync(true, true, new DateOnly(2026, 11, 11))));
        await SendAsUserAsync(socialWorker, await InterviewAsync(true, true, new DateOnly(2026, 11, 13)));

        Assert.Equal("EndedOn", stillMissing.Field);
        Assert.Contains("missing or away since 10 November 2026", stillMissing.Message, StringComparison.Ordinal);
        Assert.Equal("ReturnInterviewOffered", interviewTooSoon.Field);
        Assert.Equal(("EndedOn", "The date the child came back cannot be before they went missing, on 10 November 2026 (DfE rule 567)"), (backBeforeGone.Field, backBeforeGone.Message));
        Assert.Equal("ReturnInterviewAccepted", acceptedNotOffered.Field);
        Assert.Equal("ReturnInterviewHeldOn", heldBeforeReturn.Field);
        var missing = Assert.Single(Assert.Single((await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Periods).MissingEpisodes);
        Assert.Equal(
            (missingId, "M", new DateOnly(2026, 11, 10), (DateOnly?)new DateOnly(2026, 11, 12), (bool?)true, (bool?)true, (DateOnly?)new DateOnly(2026, 11, 13)),
            (missing.Id, missing.Type, missing.StartedOn, missing.EndedOn, missing.ReturnInterviewOffered, missing.ReturnInterviewAccepted, missing.ReturnInterviewHeldOn));
        await SendAsUserAsync(socialWorker, await LeaveAsync(childId, new DateOnly(2026, 11, 20), "E4A"));

        async Task<RecordReturn.Command> ReturnAsync(DateOnly on)
        {
            var (id, v) = await PeriodAsync(childId);
            return new RecordReturn.Command { PersonId = childId, PeriodOfCareId = id, Version = v, MissingEpisodeId = missingId, EndedOn = on };
        }

        async Task<RecordReturnInterview.Command> InterviewAsync(bool offered, bool accepted, DateOnly? heldOn)
        {
            var (id, v) = await PeriodAsync(childId);
            return new RecordReturnInterview.Command
            {
                PersonId = childId, PeriodOfCareId = id, Version = v, MissingEpisodeId = missingId,
                ReturnInterviewOffered = offered, ReturnInterviewAccepted = accepted, ReturnInterviewHeldOn = heldOn,
            };
        }
    }

    [Fact]
    public async Task ACommandNamingAnotherChildsPeriod_IsNotFound()
    {
        var childId = await HeldChildAsync();
        var otherId = await HeldChildAsync();
        await SendAsUserAsync(socialWorker, Start(otherId, new DateOnly(2026, 9, 1)));
        var others = await LegalStatusAsync(otherId, new DateOnly(2026, 11, 2), "C2");

        await Assert.ThrowsAsync<NotFoundException>(async () => await SendAsUserAsync(socialWorker, others with { PersonId = childId }));

        Assert.Single(await WithDbAsync(db => db.PeriodsOfCare.SelectMany(p => p.Episodes).ToListAsync()));
    }

    [Fact]
    public async Task ALookedAfterChild_HasTheirReviewAndVisitOnTheWorktrays_AndTheirCaseCannotCloseWhileInCare()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today));

        var due = (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!;
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.DueOn == new DateOnly(2026, 12, 1));
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterReview && r.DueOn == new DateOnly(2026, 12, 22));
        var team = await SendAsUserAsync(AssessmentManager, new Application.Timescales.GetTeamDueWork.Query());
        Assert.Contains(team, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.Worker == "Grace Okafor-Lyle");

        var closing = await Assert.ThrowsAsync<DomainRuleException>(async () => await SendAsUserAsync(socialWorker, new Application.SocialCare.RequestCaseClosure.Command { PersonId = childId, ReasonCode = "RC7", Reasons = "Moved away." }));
        Assert.Equal("The child is looked after: the period of care must end before the case closes", closing.Message);
    }

    [Fact]
    public async Task Regulation28_4_AChildLivingWithAParentUnderAnInterimCareOrder_IsVisitedWeeklyOnTheWorktrayAndThePage()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today, carer: "Mother", legalStatus: "C1", placementType: "P1", provider: "PR0") with { PlacementUrn = null });
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, Today.AddDays(2)));

        var due = (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!;
        // Under regulation 28(2) the next visit would be six weeks on, 7 January; with a parent under an interim care order, one week.
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.DueOn == new DateOnly(2026, 12, 3));
        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));
        Assert.Equal(new DateOnly(2026, 12, 3), care.Latest!.NextVisit!.DueOn);
        Assert.Contains("regulation 28(4)", care.Latest.NextVisit.CountedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulation28_4_AChildWithAConnectedPersonOnTemporaryApproval_IsVisitedWeeklyThenFourWeekly_UntilTheApprovalIsRecorded()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today, carer: "Aunt Maria", legalStatus: "V2", placementType: "U3") with { PlacementApproval = Domain.LookedAfter.PlacementApproval.ConnectedPersonTemporary });
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 11, 26)));
        async Task<DateOnly> WorktrayVisit() =>
            (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!.Single(r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.ChildId == childId).DueOn;
        async Task<GetPeriodsOfCare.Due> PageVisit() => (await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Latest!.NextVisit!;

        // Under regulation 28(2) the next visit would be six weeks on, 7 January; on temporary approval, a week.
        Assert.Equal((new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3)), (await WorktrayVisit(), (await PageVisit()).DueOn));
        Assert.Equal("1 week after the last visit, on 26 November 2026: placed with a connected person on temporary approval, visited weekly until the first review (regulation 28(4))", (await PageVisit()).CountedFrom);

        Factory.Clock.Advance(TimeSpan.FromDays(6));
        await SendAsUserAsync(reviewingOfficer, await ReviewAsync(childId, new DateOnly(2026, 12, 1)));
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 12, 2)));
        Assert.Equal((new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 30)), (await WorktrayVisit(), (await PageVisit()).DueOn));

        var (id, version) = await PeriodAsync(childId);
        await SendAsUserAsync(socialWorker, new RecordApprovalComplete.Command { PersonId = childId, PeriodOfCareId = id, Version = version, CompletedOn = Today });

        // Approved as a foster carer: regulation 28(2) from then, six weeks after the last visit.
        Assert.Equal((new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 13)), (await WorktrayVisit(), (await PageVisit()).DueOn));
        Assert.Equal("6 weeks after the last visit in this placement, on 2 December 2026", (await PageVisit()).CountedFrom);
    }

    [Fact]
    public async Task Regulation28_3_AChildPlacedWithAParentBeforeTheAssessment_IsVisitedWeekly_ThenUnderTheCareOrder_28_5_OnceItIsComplete()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today, carer: "Mother", legalStatus: "C2", placementType: "P1", provider: "PR0")
            with { PlacementUrn = null, PlacementApproval = Domain.LookedAfter.PlacementApproval.ParentBeforeAssessment });
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, new DateOnly(2026, 11, 26)));
        async Task<DateOnly> WorktrayVisit() =>
            (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!.Single(r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.ChildId == childId).DueOn;
        async Task<GetPeriodsOfCare.Due> PageVisit() => (await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId))).Latest!.NextVisit!;

        // Under a care order alone (28(5)) the next visit would be six weeks on; before the parent's assessment, a week.
        Assert.Equal((new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3)), (await WorktrayVisit(), (await PageVisit()).DueOn));
        Assert.Contains("placed with a parent before the assessment was complete, visited weekly until the first review (regulation 28(3))", (await PageVisit()).CountedFrom, StringComparison.Ordinal);

        var (id, version) = await PeriodAsync(childId);
        await SendAsUserAsync(socialWorker, new RecordApprovalComplete.Command { PersonId = childId, PeriodOfCareId = id, Version = version, CompletedOn = Today });

        Assert.Equal((new DateOnly(2027, 1, 7), new DateOnly(2027, 1, 7)), (await WorktrayVisit(), (await PageVisit()).DueOn));
        Assert.Contains("regulation 28(5)", (await PageVisit()).CountedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulation48_ShortBreaks_AreVisitedAndReviewedWithinThreeMonths_NotUnderTheGeneralRules()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today, carer: "Oak Lodge short breaks", legalStatus: "V3", placementType: "U4") with { PlacementUrn = null });

        var due = (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!;

        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.DueOn == new DateOnly(2027, 2, 24));
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterReview && r.DueOn == new DateOnly(2027, 2, 24));
        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));
        Assert.Equal((new DateOnly(2027, 2, 24), new DateOnly(2027, 2, 24)), (care.Latest!.NextVisit!.DueOn, care.Latest.NextReview!.DueOn));
        Assert.Contains("regulation 48", care.Latest.NextReview.CountedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulation48_ShortBreaksUnderOneAgreement_CountVisitsAcrossPlacements_OnTheWorktrayAsOnThePage()
    {
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        await SendAsUserAsync(socialWorker, Start(childId, Today, carer: "Oak Lodge short breaks", legalStatus: "V4", placementType: "U4") with { PlacementUrn = null });
        Factory.Clock.Advance(TimeSpan.FromDays(20));
        await SendAsUserAsync(socialWorker, await VisitAsync(childId, Today.AddDays(2)));
        await SendAsUserAsync(socialWorker, await MoveAsync(childId, Today.AddDays(10), "Elm House short breaks") with { PlacementType = "U4", PlacementUrn = null });

        var due = (await SendAsUserAsync(socialWorker, new Application.Home.GetMyDueWork.Query())).Statutory!;
        var care = await SendAsUserAsync(socialWorker, new GetPeriodsOfCare.Query(childId));

        // Six months from the visit in the first placement, not three months from the second placement's start.
        Assert.Contains(due, r => r.Kind == Domain.Timescales.DueKind.LookedAfterVisit && r.DueOn == new DateOnly(2027, 5, 26));
        Assert.Equal(new DateOnly(2027, 5, 26), care.Latest!.NextVisit!.DueOn);
    }
}
