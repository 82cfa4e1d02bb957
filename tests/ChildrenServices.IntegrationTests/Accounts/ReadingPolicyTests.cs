using System.Net;
using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>The app with the need-to-know reading policy a council may choose.</summary>
public sealed class NeedToKnowAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Records:ReadingPolicy", "NeedToKnow");
    }
}

/// <summary>Issue 15: need to know, with a recorded reason and an alert to the manager ("break glass").</summary>
public sealed class ReadingPolicyTests(NeedToKnowAppFactory factory) : IntegrationTest(factory), IClassFixture<NeedToKnowAppFactory>
{
    private async Task<(Guid Manager, Guid Holder, Guid Teammate, Guid Outsider, Guid OutsiderManager, Guid Child)> CaseAsync()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var holder = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var teammate = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        var outsiderManager = await CreateUserAsync(Roles.TeamManager, "Colin Brightwell");
        var outsider = await CreateUserAsync(Roles.SocialWorker, "Bethany Frost");
        await CreateTeamAsync(manager, "Assessment team 1", holder, teammate);
        await CreateTeamAsync(outsiderManager, "Children in care", outsider);
        var child = await CreateChildAsync(manager, "Kit", "Fenwright");
        await AllocateAsync(manager, child, holder);
        return (manager, holder, teammate, outsider, outsiderManager, child);
    }

    [Fact]
    public async Task Those_who_work_with_the_child_read_without_a_reason()
    {
        var (manager, holder, teammate, _, outsiderManager, child) = await CaseAsync();

        foreach (var reader in new[] { holder, teammate, manager, outsiderManager })
        {
            Assert.Equal(HttpStatusCode.OK, (await ClientFor(reader).GetAsync($"/People/{child}", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Anyone_else_gives_a_reason_first_which_is_kept_and_alerts_their_manager()
    {
        var (_, _, _, outsider, outsiderManager, child) = await CaseAsync();
        var client = ClientFor(outsider);

        var asked = await client.GetAsync($"/People/{child}/Notes", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var reasonPage = asked.Headers.Location!.OriginalString;
        Assert.StartsWith($"/People/{child}/Reason", reasonPage, StringComparison.Ordinal);
        var form = await PageAsync(client, reasonPage);
        Assert.DoesNotContain("Fenwright", form, StringComparison.Ordinal);

        var empty = await PostFormAsync(client, reasonPage, [F("Input.Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Say why you need to read this record", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var given = await PostFormAsync(client, reasonPage, [F("Input.Reason", "Covering the duty phone: police called about the family tonight")]);
        Assert.Equal($"/People/{child}/Notes", given.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/{child}/Notes", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await WithDbAsync(db => db.ReadingReasons.AnyAsync(r => r.UserId == outsider && r.PersonId == child && r.Reason.StartsWith("Covering the duty phone"))));
        var alert = await WithDbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(outsiderManager, alert.RecipientId);
        Assert.True(alert.Urgent);
        Assert.DoesNotContain("Fenwright", alert.Text, StringComparison.Ordinal);

        // The reason lasts the council's set hours (8 by default), then is asked for again.
        Factory.Clock.Advance(TimeSpan.FromHours(9));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/People/{child}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_use_cases_that_read_a_record_ask_for_the_reason_too_not_only_its_pages()
    {
        var (_, holder, _, outsider, _, child) = await CaseAsync();

        var refused = await Assert.ThrowsAsync<ReasonRequiredException>(() => SendAsUserAsync(outsider, new GetCaseNotes.Query(child)));
        Assert.Equal(child, refused.PersonId);
        await Assert.ThrowsAsync<ReasonRequiredException>(() => SendAsUserAsync(outsider, new GetPersonRecord.Query(child)));
        Assert.NotNull(await SendAsUserAsync(holder, new GetPersonRecord.Query(child)));

        await SendAsUserAsync(outsider, new GiveReadingReason.Command { PersonId = child, Reason = "Covering the duty phone tonight" });

        Assert.NotNull(await SendAsUserAsync(outsider, new GetCaseNotes.Query(child)));
        Assert.NotNull(await SendAsUserAsync(outsider, new GetPersonRecord.Query(child)));
    }

    /// <summary>
    /// A parent's record holds as much about the family as the child's: under need to know it is read without a reason by
    /// those who work with a child related to them, and anyone else gives one first, pages and use cases alike.
    /// </summary>
    [Fact]
    public async Task An_adult_is_read_without_a_reason_by_those_working_with_a_related_child_and_anyone_else_gives_one()
    {
        var (manager, holder, teammate, outsider, _, child) = await CaseAsync();
        var parent = await SendAsUserAsync(manager, NewChild("Dana", "Fenwright", new DateOnly(1988, 4, 2)) with { Type = Domain.People.PersonType.Adult, ConfirmedNotDuplicate = true });
        var stranger = await SendAsUserAsync(manager, NewChild("Morgan", "Ashdown", new DateOnly(1979, 1, 20)) with { Type = Domain.People.PersonType.Adult, ConfirmedNotDuplicate = true });
        await SendAsUserAsync(manager, new AddRelationship.Command { PersonId = child, RelatedPersonId = parent, Kind = Domain.People.RelationshipKind.Parent, HasParentalResponsibility = true, SameHousehold = true });

        foreach (var reader in new[] { holder, teammate, manager })
        {
            Assert.Equal(HttpStatusCode.OK, (await ClientFor(reader).GetAsync($"/People/{parent}", TestContext.Current.CancellationToken)).StatusCode);
        }

        var asked = await ClientFor(outsider).GetAsync($"/People/{parent}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith($"/People/{parent}/Reason", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var unrelated = await ClientFor(holder).GetAsync($"/People/{stranger}", TestContext.Current.CancellationToken);
        Assert.StartsWith($"/People/{stranger}/Reason", unrelated.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ReasonRequiredException>(() => SendAsUserAsync(outsider, new GetPersonRecord.Query(parent)));

        var given = await PostFormAsync(ClientFor(outsider), asked.Headers.Location!.OriginalString, [F("Input.Reason", "Duty: the parent rang about a court date")]);
        Assert.Equal($"/People/{parent}", given.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(outsider).GetAsync($"/People/{parent}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.NotNull(await SendAsUserAsync(outsider, new GetPersonRecord.Query(parent)));
    }

    [Fact]
    public async Task A_reason_cannot_open_a_restricted_record()
    {
        var (_, holder, _, outsider, _, child) = await CaseAsync();
        await WithDbAsync(async db =>
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == child, TestContext.Current.CancellationToken);
            person.Restrict(Domain.People.RestrictionReason.Adoption, Today, Today.AddDays(90), [holder]);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // There is no form to give a reason on: the page is not there for them. A post made by hand (with their own token,
        // from a page they may open) is refused the same way.
        var client = ClientFor(outsider);
        var page = await client.GetAsync($"/People/{child}/Reason", TestContext.Current.CancellationToken);
        var token = await TokenFromAsync(client, "/Account/ChangePassword");
        var refused = await client.PostAsync($"/People/{child}/Reason", new FormUrlEncodedContent([F(TokenField, token), F("Input.Reason", "Curious")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await WithDbAsync(db => db.ReadingReasons.AnyAsync()));
    }
}
