using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.LookedAfter;

/// <summary>UASC status and its dates (SSDA903 UASC and DUC, rules 303 and 304), and whether a young person is a mother (MOTHER, MC_DOB, rule 174), recorded by the worker holding the case.</summary>
public sealed class UascStatusTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private Guid socialWorker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        socialWorker = await AssessmentSocialWorkerAsync();
    }

    [Fact]
    public async Task Rule304_TheWorkerRecordsUascStatus_ACeasedDateAfterThe18thBirthdayIsRefusedBesideTheField_AndTheStatusShows()
    {
        // Born 14 May 2008: 18 on 14 May 2026.
        var childId = await CreateChildAsync(Practitioner, "Amir", "Haddad", new DateOnly(2008, 5, 14));
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var client = ClientFor(socialWorker);
        var url = $"/People/{childId}/LookedAfter/Uasc";

        var late = await PostFormAsync(client, url, [F("Input.Uasc", "true"), .. DateFields("UascFrom", new DateOnly(2025, 9, 1)), .. DateFields("UascCeasedOn", new DateOnly(2026, 5, 15))]);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var page = await late.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_UascCeasedOn-error\"", page, StringComparison.Ordinal);
        Assert.Contains("UASC status ceases on or before the child&#x27;s 18th birthday, 14 May 2026", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2025\"", page, StringComparison.Ordinal);

        var saved = await PostFormAsync(client, url, [F("Input.Uasc", "true"), .. DateFields("UascFrom", new DateOnly(2025, 9, 1))]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = await WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == childId, Ct));
        Assert.Equal((true, new DateOnly(2025, 9, 1), (DateOnly?)null), (person.Uasc, person.UascFrom, person.UascCeasedOn));

        var noDate = await PostFormAsync(client, url, [F("Input.Uasc", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("Enter the date the child&#x27;s UASC status began", await noDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UascStatus_IsForTheCaseHolder_AndAStalePageIsAConflict()
    {
        var childId = await CreateChildAsync(Practitioner, "Amir", "Haddad", new DateOnly(2008, 5, 14));
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var other = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        var client = ClientFor(socialWorker);
        var url = $"/People/{childId}/LookedAfter/Uasc";
        var form = FormPostingTo(await PageAsync(client, url), url, url);

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(other).GetAsync(url, Ct)).StatusCode);
        await PostFormAsync(client, url, [F("Input.Uasc", "true"), .. DateFields("UascFrom", new DateOnly(2025, 9, 1))]);
        var stale = await SubmitAsync(client, form, [F("Input.Uasc", "false")]);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(await WithDbAsync(db => db.People.Where(p => p.Id == childId).Select(p => p.Uasc).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Rule174_TheWorkerRecordsThatTheYoungPersonIsAMother_WithHerFirstChildsBirth_AndAMissingDateIsRefusedBesideTheField()
    {
        var childId = await CreateChildAsync(Practitioner, "Amira", "Haddad", new DateOnly(2008, 5, 14)); // recorded as female
        await AllocateAsync(AssessmentManager, childId, socialWorker);
        var client = ClientFor(socialWorker);
        var url = $"/People/{childId}/LookedAfter/Mother";

        var noDate = await PostFormAsync(client, url, [F("Input.IsMother", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("id=\"Input_FirstChildBornOn-error\"", await noDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var saved = await PostFormAsync(client, url, [F("Input.IsMother", "true"), .. DateFields("FirstChildBornOn", new DateOnly(2026, 2, 3))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = await WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == childId, Ct));
        Assert.Equal((true, new DateOnly(2026, 2, 3)), (person.IsMother, person.FirstChildBornOn));
    }
}
