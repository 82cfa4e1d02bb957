using System.IO.Compression;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Returns;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>
/// The SSDA903 return for 2025/26 (1 April 2025 to 31 March 2026) made from a small council built by hand, compared with the
/// files worked out here line by line: Eve, looked after in the year with three placement changes, a change of legal
/// status and a return home; Finn, looked after since before the year and still on 31 March (his care ended after it); and
/// Gus, whose care ended before the year (left out). The fake clock's today is 24 November 2026.
/// </summary>
public sealed class Ssda903Tests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly CollectionYear Year = new(2025);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private sealed record Council(Guid Eve, Guid Finn, Guid Gus, Guid Worker, string EveId, string FinnId);

    private async Task<Guid> ChildAsync(string given, CreatePerson.Command details) =>
        await SendAsUserAsync(Practitioner, details with { GivenNames = given, FamilyName = "Return", ConfirmedNotDuplicate = true });

    private async Task<Council> CouncilAsync()
    {
        var eveBorn = D(2013, 3, 9);
        var finnBorn = D(2010, 8, 21);
        var eve = await ChildAsync("Eve", NewChild() with { DateOfBirth = eveBorn, Sex = Sex.Female, EthnicityCode = "WBRI", UniquePupilNumber = "Y865200115123" });
        var finn = await ChildAsync("Finn", NewChild() with { DateOfBirth = finnBorn, Sex = Sex.Male, EthnicityCode = "BAFR", UpnUnknownReason = "UN2" });
        var gus = await ChildAsync("Gus", NewChild() with { DateOfBirth = D(2011, 1, 5), Sex = Sex.Male, EthnicityCode = "WBRI", UpnUnknownReason = "UN2" });
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");

        await WithDbAsync(async db =>
        {
            db.ReturnSettings.Add(new ReturnSettings("865", "E06000054", "ChildrenServices"));
            (await db.Staff.SingleAsync(s => s.Id == worker, Ct)).Register("SW123456");
            (await db.People.SingleAsync(p => p.Id == eve, Ct)).RecordMotherhood(false, null, Today);
            db.Allocations.Add(new Allocation(eve, worker, AssessmentTeam, AllocationRole.Lead, D(2025, 4, 28), AssessmentManager, "FCONTA"));
            db.Allocations.Add(new Allocation(finn, worker, AssessmentTeam, AllocationRole.Lead, D(2024, 1, 10), AssessmentManager, "FCONTA"));

            // Eve: foster carers, new foster carers, a full care order, the same carers in a new home, a children's home, home.
            var care = PeriodOfCare.Start(eve, D(2025, 5, 6), "C1", "N1", new Placement("U6", "PR1", "SN2 3CD", "Smith family", false, "SC123456"), eveBorn, Today, "SN1 2AB", new PreviousPermanence("Z1", null, null, null, null));
            care.ChangePlacement(D(2025, 7, 1), new Placement("U4", "PR4", "SN3 4EF", "Jones family", false, "SC654321"), false, Today, "CARPL", eveBorn);
            care.ChangeLegalStatus(D(2025, 8, 11), "C2", Today);
            care.ChangePlacement(D(2025, 10, 20), new Placement("U4", "PR4", "SN5 6GH", "Jones family", false, "SC654321"), true, Today, "PLACE", eveBorn);
            care.ChangePlacement(D(2026, 1, 12), new Placement("K2", "PR4", "SN4 5GH", "Oak House", false, "SC777777"), false, Today, "CREQB", eveBorn);
            care.RecordReview(D(2025, 6, 10), "PN1", chair, Today, eveBorn);
            care.RecordReview(D(2025, 11, 25), "PN2", chair, Today, eveBorn);
            care.RecordMissing("M", D(2025, 9, 2), D(2025, 9, 3), Today);
            care.End(D(2026, 2, 20), "E4A", Today);
            db.PeriodsOfCare.Add(care);

            // Finn: looked after since January 2024 under section 20; his care ended on 1 May 2026, after the year.
            var finns = PeriodOfCare.Start(finn, D(2024, 1, 15), "V2", "N4", new Placement("U6", "PR1", "SN7 8JK", "Patel family", true, "SC123456"), finnBorn, Today, "SN6 7HJ", new PreviousPermanence("Z1", null, null, null, null));
            finns.RecordReview(D(2025, 7, 1), "PN1", chair, Today, finnBorn);
            finns.End(D(2026, 5, 1), "E4A", Today);
            db.PeriodsOfCare.Add(finns);

            // Gus: looked after for a while, home before the year began.
            var guss = PeriodOfCare.Start(gus, D(2024, 6, 3), "V2", "N5", new Placement("U6", "PR1", "SN9 9ZZ", "Lee family", false, "SC123456"), D(2011, 1, 5), Today);
            guss.End(D(2025, 3, 20), "E4A", Today);
            db.PeriodsOfCare.Add(guss);
            await db.SaveChangesAsync(Ct);
        });

        var ids = await WithDbAsync(db => db.People.Where(p => p.Id == eve || p.Id == finn).ToDictionaryAsync(p => p.Id, p => p.LocalId!, Ct));
        return new Council(eve, finn, gus, worker, ids[eve], ids[finn]);
    }

    private static async Task<Dictionary<string, string[]>> FilesAsync(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = await reader.ReadToEndAsync(Ct);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            files[entry.Name] = text[..^2].Split("\r\n");
        }

        return files;
    }

    [Fact]
    public async Task TheFiles_HoldEachChildLookedAfterInTheYear_LineByLine_WithTheDfEsFileAndColumnNames()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var (eve, finn) = (council.EveId, council.FinnId);

        var check = await SendAsUserAsync(officer, new CheckSsda903.Query(Year));
        var made = await SendAsUserAsync(officer, new ProduceSsda903.Command(Year, ConfirmErrors: false));
        Dictionary<string, string[]> files;
        await using (var zip = File.OpenRead(made.Path))
        {
            files = await FilesAsync(zip);
        }

        File.Delete(made.Path);

        Assert.Empty(check.Listing.Failures);
        Assert.Equal((2, 6, 0, 0), (check.Children, check.Episodes, check.Errors, check.Queries));
        Assert.Equal("SSDA903_2026_865.zip", made.FileName);
        Assert.Equal(
            ["header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "ad1.csv", "placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "sw_episodes.csv"],
            files.Keys.ToList());
        string[] Ordered(params string[] lines) => [lines[0], .. lines.Skip(1).Order(StringComparer.Ordinal)];

        Assert.Equal(
            Ordered(
                "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
                $"{eve},F,09/03/2013,WBRI,Y865200115123,0,",
                $"{finn},M,21/08/2010,BAFR,UN2,,"),
            files["header.csv"]);
        Assert.Equal(
            [
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
                .. new[]
                {
                    $"{eve},06/05/2025,S,C1,N1,U6,PR1,01/07/2025,X1,CARPL,SN1 2AB,SN2 3CD,SC123456",
                    $"{eve},01/07/2025,P,C1,N1,U4,PR4,11/08/2025,X1,,SN1 2AB,SN3 4EF,SC654321",
                    $"{eve},11/08/2025,L,C2,N1,U4,PR4,20/10/2025,X1,PLACE,SN1 2AB,SN3 4EF,SC654321",
                    $"{eve},20/10/2025,T,C2,N1,U4,PR4,12/01/2026,X1,CREQB,SN1 2AB,SN5 6GH,SC654321",
                    $"{eve},12/01/2026,P,C2,N1,K2,PR4,20/02/2026,E4A,,SN1 2AB,SN4 5GH,SC777777",
                    // Finn's care ended after 31 March: as at then, his episode was open.
                    $"{finn},15/01/2024,S,V2,N4,U6,PR1,,,,SN6 7HJ,SN7 8JK,SC123456",
                }.Order(StringComparer.Ordinal),
            ],
            [files["episodes.csv"][0], .. files["episodes.csv"].Skip(1).Order(StringComparer.Ordinal)]);
        Assert.Equal(
            Ordered(
                "CHILD,DOB,REVIEW,REVIEW_CODE",
                $"{eve},09/03/2013,10/06/2025,PN1",
                $"{eve},09/03/2013,25/11/2025,PN2",
                $"{finn},21/08/2010,01/07/2025,PN1"),
            files["reviews.csv"]);
        Assert.Equal(["CHILD,DOB,MISSING,MIS_START,MIS_END", $"{eve},09/03/2013,M,02/09/2025,03/09/2025"], files["missing.csv"]);
        Assert.Equal(["CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", $"{eve},09/03/2013,Z1,,"], files["previous_permanence.csv"]);
        Assert.Equal(
            Ordered(
                "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
                $"{eve},09/03/2013,SW123456,28/04/2025,,FCONTA",
                $"{finn},21/08/2010,SW123456,10/01/2024,,FCONTA"),
            files["sw_episodes.csv"]);
        Assert.Equal(["CHILD,SEX,DOB,DUC"], files["uasc.csv"]);
        Assert.Equal(["CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"], files["oc2.csv"]);
        Assert.Equal(["CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"], files["oc3.csv"]);
        Assert.Equal(["CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"], files["ad1.csv"]);
        Assert.Equal(["CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"], files["placed_for_adoption.csv"]);

        // Finn has been looked after continuously since before 1 April 2025: the OC2 file would hold him.
        Assert.Equal((1, 0, 0), (check.LookedAfterForAYear, check.Adopted, check.PlacedForAdoption));
        Assert.Equal(
            "ProduceSsda903 2025/26: 2 children, 0 errors",
            await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceSsda903")).Select(a => a.Action).SingleAsync(Ct)));
    }

    [Fact]
    public async Task MotherhoodAndUascBegunAfter31March_AreNotThatYearsReturns()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Eve).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.IsMother, true).SetProperty(p => p.FirstChildBornOn, D(2026, 5, 1)), Ct));
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Finn).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Uasc, true).SetProperty(p => p.UascFrom, D(2026, 6, 1)), Ct));

        var made = await SendAsUserAsync(officer, new ProduceSsda903.Command(Year, ConfirmErrors: true));
        Dictionary<string, string[]> files;
        await using (var zip = File.OpenRead(made.Path))
        {
            files = await FilesAsync(zip);
        }

        File.Delete(made.Path);

        Assert.Contains($"{council.EveId},F,09/03/2013,WBRI,Y865200115123,0,", files["header.csv"]);
        Assert.Equal(["CHILD,SEX,DOB,DUC"], files["uasc.csv"]);
    }

    [Fact]
    public async Task From2026To27_TheDoLoFileHoldsTheYearsLibertyOrders()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var orderOn = D(2026, 6, 1);
        await WithDbAsync(async db =>
        {
            var born = D(2010, 8, 21);
            var care = PeriodOfCare.Start(council.Finn, D(2026, 5, 20), "C2", "N4", new Placement("K2", "PR4", "SN4 5GH", "Oak House", false, "SC777777"), born, Today, "SN6 7HJ", new PreviousPermanence("Z1", null, null, null, null));
            care.RecordDeprivationOfLiberty(orderOn, null, Today);
            db.PeriodsOfCare.Add(care);
            await db.SaveChangesAsync(Ct);
        });

        var made = await SendAsUserAsync(officer, new ProduceSsda903.Command(new CollectionYear(2026), ConfirmErrors: true));
        Dictionary<string, string[]> files;
        await using (var zip = File.OpenRead(made.Path))
        {
            files = await FilesAsync(zip);
        }

        File.Delete(made.Path);

        Assert.Equal(["CHILD,DOB,DOLO_START,DOLO_END", $"{council.FinnId},21/08/2010,01/06/2026,"], files["dolo.csv"]);
        Assert.Contains($"{council.FinnId},20/05/2026,S,C2,N4,K2,PR4,,,,SN6 7HJ,SN4 5GH,SC777777", files["episodes.csv"]);
    }

    [Fact]
    public async Task ThePage_ListsAFailureWithItsFixLink_RefusesADownloadWithErrorsUntilConfirmed_OnlyForThoseWhoMakeReturns()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        // The worker's Social Work England number is not recorded: her social worker episodes have no SW_ID.
        await WithDbAsync(db => db.Staff.Where(s => s.Id == council.Worker).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistrationNumber, (string?)null), Ct));
        // And Eve's participation in her first review was not recorded in a code the return knows.
        await WithDbAsync(async db =>
        {
            var period = await db.PeriodsOfCare.Where(p => p.ChildId == council.Eve).Select(p => p.Id).SingleAsync(Ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ClaReviews SET ParticipationCode = 'PN9' WHERE PeriodOfCareId = {period.ToString().ToUpperInvariant()} AND HeldOn = '2025-06-10'", Ct);
        });
        var client = ClientFor(officer);
        const string url = "/Returns/Ssda903?Year=2025-26";

        var page = await PageAsync(client, url);

        Assert.Contains("Children looked after return (SSDA903) 2025/26", page, StringComparison.Ordinal);
        Assert.Contains("id=\"return-children\">2<", page, StringComparison.Ordinal);
        Assert.Contains("Eve Return", page, StringComparison.Ordinal);
        Assert.Contains("167", page, StringComparison.Ordinal);
        Assert.Contains("oc2.csv", page, StringComparison.Ordinal);
        Assert.Contains("1, looked after continuously for 12 months at 31 March", page, StringComparison.Ordinal);

        var refused = await PressAsync(client, url, "Download the return (CSV files, zip)");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input.ConfirmErrors-error\"", again, StringComparison.Ordinal);
        Assert.Contains("outstanding", again, StringComparison.Ordinal);

        var download = await PressAsync(client, url, "Download the return (CSV files, zip)", [F("Input.ConfirmErrors", "true")]);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var files = await FilesAsync(await download.Content.ReadAsStreamAsync(Ct));
        Assert.Contains($"{council.EveId},09/03/2013,10/06/2025,PN9", files["reviews.csv"]);
        Assert.Contains($"{council.EveId},09/03/2013,,28/04/2025,,FCONTA", files["sw_episodes.csv"]);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceSsda903")).SingleAsync(Ct));
        Assert.Equal(officer, audit.UserId);
        Assert.Matches("^ProduceSsda903 2025/26: 2 children, [0-9]+ errors confirmed$", audit.Action);

        // Only those who make the returns: a team manager and a social worker may not.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(AssessmentManager).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(council.Worker).GetAsync(url, Ct)).StatusCode);
        await Assert.ThrowsAsync<ChildrenServices.Application.ForbiddenException>(() => SendAsUserAsync(council.Worker, new ProduceSsda903.Command(Year, true)));
    }
}
