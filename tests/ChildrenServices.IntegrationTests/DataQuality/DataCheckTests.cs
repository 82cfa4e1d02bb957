using ChildrenServices.Application.DataQuality;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.DataQuality;

/// <summary>
/// Duplicates of a one-open record that a database already holds (from another system, or from before a rule's
/// index) are reported by a data check, never merged: CIN rule 8815's open referrals above all.
/// </summary>
public sealed class DataCheckTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task Rule8815_TwoOpenReferralsAlreadyInTheDatabase_AreReportedByLocalId_AndLeftAsTheyAre()
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Pat Officer");
        var (contactId, childId) = await ContactAboutNewChildAsync();
        await DecideAsync(Practitioner, contactId, ContactOutcome.Referral);
        var (_, tidy) = await ContactAboutNewChildAsync("Jordan", "Hale");
        var clean = await SendAsUserAsync(officer, new CheckOneOpenRecords.Query());
        Assert.All(clean, c => Assert.Empty(c.Findings));

        // As a database brought in from another system: the index that refuses a second open referral is not there.
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{OneOpen.ReferralPerChild}\""));
        try
        {
            await WithDbAsync(async db =>
            {
                db.Referrals.Add(new Referral(childId, null, Today.AddDays(-3), "1A", "N4", AssessmentTeam, false, null, WorkingDayCalendar.EnglandAndWales));
                await db.SaveChangesAsync();
            });

            var checks = await SendAsUserAsync(officer, new CheckOneOpenRecords.Query());
            var page = await PageAsync(ClientFor(officer), "/DataChecks");

            var referrals = Assert.Single(checks, c => c.Rule == "CIN 8815");
            var finding = Assert.Single(referrals.Findings);
            var localId = await WithDbAsync(db => db.People.Where(p => p.Id == childId).Select(p => p.LocalId).SingleAsync());
            Assert.Equal((childId, localId, 2), (finding.ChildId, finding.LocalId, finding.Open));
            Assert.All(checks.Where(c => c != referrals), c => Assert.Empty(c.Findings));
            Assert.DoesNotContain(tidy, checks.SelectMany(c => c.Findings).Select(f => f.ChildId));
            Assert.Contains(localId!, page, StringComparison.Ordinal);
            Assert.DoesNotContain("Riley", page, StringComparison.Ordinal); // local IDs, never names
            Assert.DoesNotContain($"href=\"/People/{childId}\"", page, StringComparison.Ordinal); // an officer cannot open records
            Assert.Equal(2, await WithDbAsync(db => db.Referrals.CountAsync(r => r.ChildId == childId && r.Status == ReferralStatus.Open)));
        }
        finally
        {
            await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == childId && r.ContactId == null).ExecuteDeleteAsync());
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                $"CREATE UNIQUE INDEX \"{OneOpen.ReferralPerChild}\" ON \"Referrals\" (\"ChildId\") WHERE \"Status\" = 'Open'"));
        }
    }

    [Fact]
    public async Task TheDataChecks_AreForPerformanceOfficersAndManagers_NotPractitioners()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await ClientFor(AssessmentManager).GetAsync("/DataChecks", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(worker).GetAsync("/DataChecks", TestContext.Current.CancellationToken)).StatusCode);
    }
}
