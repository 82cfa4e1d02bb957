using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>The returns' code sets by collection year: each year's codes, what changed from the year before, and who may see them.</summary>
public sealed class CodeSetsPageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOfficerSeesAYearsCodes_AndWhatChangedFromTheYearBefore()
    {
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        var now = await PageAsync(officer, "/Returns/Codes?Year=2025-26");
        var before = await PageAsync(officer, "/Returns/Codes?Year=2024-25");

        Assert.Contains("Code sets for 2025/26", now, StringComparison.Ordinal);
        Assert.Contains("No longer used from 2025/26: H5, P2, Z1", now, StringComparison.Ordinal);
        Assert.Contains("Reworded in 2025/26: N1", now, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\">Abuse, neglect and exploitation</td>", now, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"govuk-table__cell\">H5</td>", now, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\">H5</td>", before, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\">Abuse or neglect</td>", before, StringComparison.Ordinal);
        Assert.Contains("New in 2024/25: K3", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearNotOffered_IsAnErrorNextToTheField_AndOnlyThoseWhoMakeReturnsMayLook()
    {
        var officer = ClientFor(await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist"));

        var wrong = await PageAsync(officer, "/Returns/Codes?Year=1999");

        Assert.Contains("id=\"Year-error\"", wrong, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", wrong, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(AssessmentManager).GetAsync("/Returns/Codes", Ct)).StatusCode);
    }
}
