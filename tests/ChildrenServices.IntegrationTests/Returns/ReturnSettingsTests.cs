using System.Net;
using ChildrenServices.Application;
using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>An administrator sets what the returns' headers carry: the LA number, the ONS code and the software's name.</summary>
public sealed class ReturnSettingsTests(AppFactory factory) : IntegrationTest(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReturnSettingsPage_BadValuesKeepWhatWasTyped_WithEachMessageBesideItsField_AndAGoodSaveIsKept()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        var client = ClientFor(admin);
        var form = await PageAsync(client, "/Admin/Returns");
        Assert.Contains("Not set yet", form, StringComparison.Ordinal);
        Assert.Contains("value=\"ChildrenServices\"", form, StringComparison.Ordinal);

        var bad = await PostFormAsync(client, "/Admin/Returns", [F("Input.LaNumber", "86"), F("Input.OnsCode", "W06000015"), F("Input.SoftwareName", "ChildrenServices")]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input_LaNumber-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter the council&#x27;s DfE LA number: three digits, for example 865", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_OnsCode-error\"", page, StringComparison.Ordinal);
        // The summary lists the problems as the fields come down the page: the LA number, then the ONS code.
        var summary = page[page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal)..page.IndexOf("</ul>", page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.True(summary.IndexOf("#Input_LaNumber", StringComparison.Ordinal) < summary.IndexOf("#Input_OnsCode", StringComparison.Ordinal), summary);
        Assert.Contains("#Input_LaNumber", summary, StringComparison.Ordinal);
        Assert.Contains("value=\"86\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"W06000015\"", page, StringComparison.Ordinal);
        Assert.Empty(await WithDbAsync(db => db.ReturnSettings.ToListAsync(Ct)));

        var good = await PostFormAsync(client, "/Admin/Returns", [F("Input.LaNumber", "865"), F("Input.OnsCode", "e06000054"), F("Input.SoftwareName", "  Wiltshire CSC  ")]);

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await WithDbAsync(db => db.ReturnSettings.SingleAsync(Ct));
        Assert.Equal(("865", "E06000054", "Wiltshire CSC"), (saved.LaNumber, saved.OnsCode, saved.SoftwareName));
        Assert.Contains("Last changed by Jo Whitcombe", await PageAsync(client, "/Admin/Returns"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnSettings_AreTheAdministrators_AndASecondWriterGetsAConflict()
    {
        var admin = await CreateUserAsync(Roles.Administrator, "Jo Whitcombe");
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Officer");
        await SendAsUserAsync(admin, new SaveReturnSettings.Command { LaNumber = "865", OnsCode = "E06000054", SoftwareName = "ChildrenServices" });
        var read = await SendAsUserAsync(admin, new GetReturnSettings.Query());
        await SendAsUserAsync(admin, new SaveReturnSettings.Command { Version = read.Version, LaNumber = "865", OnsCode = "E06000054", SoftwareName = "CSC" });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            SendAsUserAsync(admin, new SaveReturnSettings.Command { Version = read.Version, LaNumber = "212", OnsCode = "E06000054", SoftwareName = "ChildrenServices" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(officer).GetAsync("/Admin/Returns", Ct)).StatusCode);
        Assert.Equal("865", await WithDbAsync(db => db.ReturnSettings.Select(s => s.LaNumber).SingleAsync(Ct)));
    }
}
