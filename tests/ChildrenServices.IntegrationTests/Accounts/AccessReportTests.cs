using System.Net;
using ChildrenServices.Application.AccessReports;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15, the access report: what a colleague viewed in a period, who viewed a record, exportable, behind its own permission.</summary>
public sealed class AccessReportTests(AppFactory factory) : IntegrationTest(factory)
{
    private static KeyValuePair<string, string>[] Period(string prefix, DateOnly from, DateOnly to) =>
    [
        F($"{prefix}.From.Day", from.Day.ToString()), F($"{prefix}.From.Month", from.Month.ToString()), F($"{prefix}.From.Year", from.Year.ToString()),
        F($"{prefix}.To.Day", to.Day.ToString()), F($"{prefix}.To.Month", to.Month.ToString()), F($"{prefix}.To.Year", to.Year.ToString()),
    ];

    [Fact]
    public async Task What_a_colleague_viewed_in_a_period_with_a_restricted_record_unnamed()
    {
        var dpo = await CreateUserAsync(Roles.DataProtectionOfficer, "Marta Quennell");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var open = await CreateChildAsync(worker, "Kit", "Fenwright");
        var restricted = await CreateChildAsync(worker, "Jo", "Hallowmere");
        await ClientFor(worker).GetAsync($"/People/{open}", TestContext.Current.CancellationToken);
        await ClientFor(worker).GetAsync($"/People/{restricted}", TestContext.Current.CancellationToken);
        await WithDbAsync(async db =>
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == restricted, TestContext.Current.CancellationToken);
            person.Restrict(Domain.People.RestrictionReason.Adoption, Today, Today.AddDays(90), [worker]);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await PostFormAsync(ClientFor(dpo), "/AccessReport?handler=Colleague", [F("Colleague.ColleagueId", worker.ToString()), .. Period("Colleague", Today.AddDays(-1), Today)], "/AccessReport");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Kit Fenwright", html, StringComparison.Ordinal);
        Assert.Contains("Viewed the record", html, StringComparison.Ordinal);
        Assert.Contains("Restricted record", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hallowmere", html, StringComparison.Ordinal);

        var before = await PostFormAsync(ClientFor(dpo), "/AccessReport?handler=Colleague", [F("Colleague.ColleagueId", worker.ToString()), .. Period("Colleague", Today.AddDays(-10), Today.AddDays(-2))], "/AccessReport");
        Assert.DoesNotContain("Kit Fenwright", await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_viewed_a_record_found_by_its_nhs_number_downloads_as_csv_and_running_it_is_audited()
    {
        var dpo = await CreateUserAsync(Roles.DataProtectionOfficer, "Marta Quennell");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var child = await CreateChildAsync(worker, "Kit", "Fenwright", nhsNumber: "9434765919");
        await ClientFor(worker).GetAsync($"/People/{child}", TestContext.Current.CancellationToken);

        var csv = await PostFormAsync(ClientFor(dpo), "/AccessReport?handler=Record", [F("Input.Identifier", "943 476 5919"), F("download", "true"), .. Period("Input", Today.AddDays(-1), Today)], "/AccessReport");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Sam Worker", text, StringComparison.Ordinal);
        Assert.Contains("Viewed the record", text, StringComparison.Ordinal);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserId == dpo && a.PersonId == child && a.Action == nameof(GetRecordAccessReport))));
    }

    [Fact]
    public async Task An_unknown_identifier_and_a_backwards_period_are_said_next_to_their_fields()
    {
        var dpo = await CreateUserAsync(Roles.DataProtectionOfficer, "Marta Quennell");

        var unknown = await PostFormAsync(ClientFor(dpo), "/AccessReport?handler=Record", [F("Input.Identifier", "LA-999999"), .. Period("Input", Today.AddDays(-1), Today)], "/AccessReport");
        var backwards = await PostFormAsync(ClientFor(dpo), "/AccessReport?handler=Record", [F("Input.Identifier", "LA-999999"), .. Period("Input", Today, Today.AddDays(-5))], "/AccessReport");

        Assert.Contains("No record has that local ID or NHS number", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("The period must end on or after the day it starts", await backwards.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PerformanceOfficer)]
    public async Task Only_the_data_protection_officer_has_it(string role)
    {
        var someone = await CreateUserAsync(role, "Someone Else");

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(someone).GetAsync("/AccessReport", TestContext.Current.CancellationToken)).StatusCode);
        await Assert.ThrowsAsync<Application.ForbiddenException>(() => SendAsUserAsync(someone, new ListColleagues.Query()));
    }
}
