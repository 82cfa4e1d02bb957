using System.Xml.Linq;
using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>
/// The CIN census for 2025/26 (1 April 2025 to 31 March 2026) made from a small council built by hand, compared with the
/// file worked out here element by element: a child with two episodes of need in the year, a child whose protection plan
/// started the year before, a child unborn on 31 March (born since: returned as she was then), and a child whose only
/// episode closed before the year (left out).
/// </summary>
public sealed class CinCensusTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly CollectionYear Year = new(2025);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private sealed record Council(Guid Ada, Guid Ben, Guid Cara, Guid Dan);

    private async Task<Guid> ChildAsync(string given, CreatePerson.Command details) =>
        await SendAsUserAsync(Practitioner, details with { GivenNames = given, FamilyName = "Census", ConfirmedNotDuplicate = true });

    private async Task<Council> CouncilAsync()
    {
        var ada = await ChildAsync("Ada", NewChild() with { DateOfBirth = D(2016, 2, 10), Sex = Sex.Female, EthnicityCode = "WBRI", DisabilityCodes = ["AUT", "COMM"], UniquePupilNumber = "Y865200115123" });
        var ben = await ChildAsync("Ben", NewChild() with { DateOfBirth = D(2012, 7, 1), Sex = Sex.Male, EthnicityCode = "BAFR", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN2" });
        var cara = await ChildAsync("Cara", NewChild() with { DateOfBirth = D(2026, 6, 15), Sex = Sex.Female, EthnicityCode = "NOBT", UpnUnknownReason = "UN1" });
        var dan = await ChildAsync("Dan", NewChild() with { DateOfBirth = D(2014, 3, 3), Sex = Sex.Male, EthnicityCode = "WBRI", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN2" });
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");

        await WithDbAsync(async db =>
        {
            db.ReturnSettings.Add(new ReturnSettings("865", "E06000054", "ChildrenServices"));

            // Ada: an episode closed after assessment (RC8), then a second one: assessment, section 47, initial conference
            // and a protection plan open at the year's end, its child in need plan ended as the protection plan started.
            var first = new Referral(ada, null, D(2025, 4, 22), "2A", "N4", AssessmentTeam, false, null, Calendar);
            var firstAssessment = Assessed(first, D(2025, 4, 23), D(2025, 5, 30), ["3A"]);
            first.Close(D(2025, 6, 2), "RC8");
            var second = new Referral(ada, null, D(2025, 10, 6), "6", "N1", AssessmentTeam, false, first, Calendar);
            var secondAssessment = Assessed(second, D(2025, 10, 7), D(2025, 11, 14), ["16A", "3B"]);
            var cin = new ChildInNeedPlan(second, D(2025, 10, 10), D(2025, 10, 10));
            var enquiry = new ChildProtectionEnquiry(second, D(2025, 10, 8), "Police, school", true, "Injury seen at school.", Calendar, D(2025, 10, 8));
            enquiry.RecordSection47Outcome(D(2025, 10, 24), "Concerns substantiated.", true, D(2025, 10, 24));
            enquiry.RecordConference(D(2025, 10, 29), ConferenceOutcome.ChildProtectionPlan, "PHY", chair, D(2025, 10, 29));
            var plan = new ChildProtectionPlan(enquiry);
            cin.EndAsChildProtectionPlanStarts(D(2025, 10, 29));
            plan.RecordReview(D(2026, 1, 21), true, "MUL", "The plan continues.", chair, D(2026, 1, 21));
            plan.RecordReview(D(2026, 4, 15), true, "MUL", "The plan continues.", chair, D(2026, 4, 15));

            // Ben: a protection plan from 20 November 2024, reviewed before and in the year, ended at a review in August;
            // his assessment and enquiry ended before the year, so only the plan and the episode are returned.
            var bens = new Referral(ben, null, D(2024, 11, 4), "2A", "N1", AssessmentTeam, false, null, Calendar);
            var bensAssessment = Assessed(bens, D(2024, 11, 5), D(2024, 12, 10), ["18C"]);
            var bensEnquiry = new ChildProtectionEnquiry(bens, D(2024, 11, 5), "Police", true, "Disclosure at school.", Calendar, D(2024, 11, 5));
            bensEnquiry.RecordSection47Outcome(D(2024, 11, 15), "Substantiated.", true, D(2024, 11, 15));
            bensEnquiry.RecordConference(D(2024, 11, 20), ConferenceOutcome.ChildProtectionPlan, "PHY", chair, D(2024, 11, 20));
            var bensPlan = new ChildProtectionPlan(bensEnquiry, previousPlansElsewhere: 1);
            bensPlan.RecordReview(D(2025, 2, 12), true, "PHY", "The plan continues.", chair, D(2025, 2, 12));
            bensPlan.RecordReview(D(2025, 5, 14), true, "EMO", "The plan continues.", chair, D(2025, 5, 14));
            bensPlan.RecordReview(D(2025, 8, 13), false, null, "The plan ends: risks reduced.", chair, D(2025, 8, 13));
            bens.Close(D(2025, 9, 1), "RC7");

            // Cara, unborn at the year's end (born in June 2026): referred in February, her assessment still going on 31 March.
            var caras = new Referral(cara, null, D(2026, 2, 2), "3B", "N1", AssessmentTeam, false, null, Calendar);
            db.ChildAndFamilyAssessments.Add(new ChildAndFamilyAssessment(caras, D(2026, 2, 3), AssessmentManager, D(2026, 2, 3)));

            // Dan: closed before the year began, so not in it.
            var dans = new Referral(dan, null, D(2025, 1, 6), "1A", "N5", AssessmentTeam, false, null, Calendar);
            dans.Close(D(2025, 3, 20), "RC7");

            db.Referrals.AddRange(first, second, bens, caras, dans);
            db.ChildAndFamilyAssessments.AddRange(firstAssessment, secondAssessment, bensAssessment);
            db.ChildInNeedPlans.Add(cin);
            db.ChildProtectionEnquiries.AddRange(enquiry, bensEnquiry);
            db.ChildProtectionPlans.AddRange(plan, bensPlan);
            await db.SaveChangesAsync(Ct);
        });

        return new Council(ada, ben, cara, dan);
    }

    private ChildAndFamilyAssessment Assessed(Referral referral, DateOnly started, DateOnly authorised, string[] factors)
    {
        var assessment = new ChildAndFamilyAssessment(referral, started, AssessmentManager, started);
        assessment.RecordSeen(started.AddDays(1), true, started.AddDays(1));
        assessment.Record("Analysis of needs and risks.", factors, AssessmentOutcome.ChildInNeedPlan, null);
        assessment.Submit(authorised);
        assessment.Authorise(AssessmentManager, authorised);
        return assessment;
    }

    private Task<string> LocalIdAsync(Guid person) => WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.LocalId!).SingleAsync(Ct));

    private static XElement E(string name, params object?[] content) => new(name, content.Where(c => c is not null));

    [Fact]
    public async Task TheCensus_IsTheFileWorkedOutHere_ElementByElement_AndPassesTheDfesSchema()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var (ada, ben, cara) = (await LocalIdAsync(council.Ada), await LocalIdAsync(council.Ben), await LocalIdAsync(council.Cara));

        var made = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: false));

        var actual = XDocument.Load(made.Path);
        File.Delete(made.Path);
        Assert.Equal("CIN_Census_2026_865.xml", made.FileName);
        Assert.Equal(3, made.Children);
        Assert.Equal(0, made.Errors);

        var source = actual.Root!.Element("Header")!.Element("Source")!;
        Assert.Equal(
            ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"],
            source.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["L", "865", "ChildrenServices"], source.Elements().Take(3).Select(e => e.Value));
        Assert.True(DateTime.TryParse(source.Element("DateTime")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));

        var expected = E("Children",
            E("Child",
                E("ChildIdentifiers", E("LAchildID", ada), E("UPN", "Y865200115123"), E("PersonBirthDate", "2016-02-10"), E("Sex", "F")),
                E("ChildCharacteristics", E("Ethnicity", "WBRI"), E("Disabilities", E("Disability", "AUT"), E("Disability", "COMM"))),
                E("CINdetails",
                    E("CINreferralDate", "2025-04-22"), E("ReferralSource", "2A"), E("PrimaryNeedCode", "N4"), E("CINclosureDate", "2025-06-02"), E("ReasonForClosure", "RC8"),
                    E("Assessments", E("AssessmentActualStartDate", "2025-04-23"), E("AssessmentAuthorisationDate", "2025-05-30"), E("FactorsIdentifiedAtAssessment", E("AssessmentFactors", "3A"))),
                    E("ReferralNFA", "0")),
                E("CINdetails",
                    E("CINreferralDate", "2025-10-06"), E("ReferralSource", "6"), E("PrimaryNeedCode", "N1"),
                    E("Assessments", E("AssessmentActualStartDate", "2025-10-07"), E("AssessmentAuthorisationDate", "2025-11-14"),
                        E("FactorsIdentifiedAtAssessment", E("AssessmentFactors", "3B"), E("AssessmentFactors", "16A"))),
                    E("CINPlanDates", E("CINPlanStartDate", "2025-10-10"), E("CINPlanEndDate", "2025-10-29")),
                    E("Section47", E("S47ActualStartDate", "2025-10-08"), E("InitialCPCtarget", Calendar.AddWorkingDays(D(2025, 10, 8), 15).ToString("yyyy-MM-dd")), E("DateOfInitialCPC", "2025-10-29"), E("ICPCnotRequired", "0")),
                    E("ReferralNFA", "0"),
                    E("ChildProtectionPlans", E("CPPstartDate", "2025-10-29"), E("InitialCategoryOfAbuse", "PHY"), E("LatestCategoryOfAbuse", "MUL"), E("NumberOfPreviousCPP", "0"),
                        E("Reviews", E("CPPreviewDate", "2026-01-21"))))),
            E("Child",
                E("ChildIdentifiers", E("LAchildID", ben), E("UPNunknown", "UN2"), E("PersonBirthDate", "2012-07-01"), E("Sex", "M")),
                E("ChildCharacteristics", E("Ethnicity", "BAFR"), E("Disabilities", E("Disability", "NONE"))),
                E("CINdetails",
                    E("CINreferralDate", "2024-11-04"), E("ReferralSource", "2A"), E("PrimaryNeedCode", "N1"), E("CINclosureDate", "2025-09-01"), E("ReasonForClosure", "RC7"),
                    E("ReferralNFA", "0"),
                    E("ChildProtectionPlans", E("CPPstartDate", "2024-11-20"), E("CPPendDate", "2025-08-13"), E("InitialCategoryOfAbuse", "PHY"), E("LatestCategoryOfAbuse", "EMO"), E("NumberOfPreviousCPP", "1"),
                        E("Reviews", E("CPPreviewDate", "2025-05-14"), E("CPPreviewDate", "2025-08-13"))))),
            E("Child",
                E("ChildIdentifiers", E("LAchildID", cara), E("UPNunknown", "UN1"), E("ExpectedPersonBirthDate", "2026-06-15"), E("Sex", "U")),
                E("ChildCharacteristics", E("Ethnicity", "NOBT")),
                E("CINdetails",
                    E("CINreferralDate", "2026-02-02"), E("ReferralSource", "3B"), E("PrimaryNeedCode", "N1"),
                    E("Assessments", E("AssessmentActualStartDate", "2026-02-03")),
                    E("ReferralNFA", "0"))));

        // The children come in local ID order; the test's are made in the order Ada, Ben, Cara.
        Assert.Equal([ada, ben, cara], new[] { ada, ben, cara }.Order(StringComparer.Ordinal));
        AssertSame(expected, actual.Root!.Element("Children")!);
        Assert.Equal(["CIN", "2026", "2026-03-31"], actual.Root!.Element("Header")!.Element("CollectionDetails")!.Elements().Select(e => e.Value));
    }

    /// <summary>Walks both trees together, naming the path of the first difference.</summary>
    private static void AssertSame(XElement expected, XElement actual, string path = "", int index = 0)
    {
        path = $"{path}/{expected.Name.LocalName}[{index + 1}]";
        Assert.True(expected.Name == actual.Name, $"{path}: expected <{expected.Name}>, found <{actual.Name}>");
        var want = expected.Elements().ToList();
        var got = actual.Elements().ToList();
        if (want.Count == 0 && got.Count == 0)
        {
            Assert.True(expected.Value == actual.Value, $"{path}: expected '{expected.Value}', found '{actual.Value}'");
            return;
        }

        for (var i = 0; i < Math.Min(want.Count, got.Count); i++)
        {
            AssertSame(want[i], got[i], path, want.Take(i).Count(w => w.Name == want[i].Name));
        }

        Assert.True(want.Count == got.Count, $"{path}: expected {want.Count} children ({string.Join(", ", want.Select(w => w.Name))}), found {got.Count} ({string.Join(", ", got.Select(g => g.Name))})");
    }

    [Fact]
    public async Task ABrokenRecord_IsAFailureNamingTheChild_TheDownloadNeedsItConfirmed_AndTheConfirmationIsAudited()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        // Migrated data: Ben's ethnicity is a code the DfE does not know (rule 4220), and Cara is restricted.
        await WithDbAsync(async db =>
        {
            await db.People.Where(p => p.Id == council.Ben).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, "XXXX"), Ct);
            var cara = await db.People.SingleAsync(p => p.Id == council.Cara, Ct);
            cara.Restrict(RestrictionReason.HighProfile, Today, Today.AddMonths(6), []);
            await db.Referrals.Where(r => r.ChildId == council.Cara).ExecuteUpdateAsync(s => s.SetProperty(r => r.SourceCode, "99"), Ct);
            await db.SaveChangesAsync(Ct);
        });

        var check = await SendAsUserAsync(officer, new CheckCinCensus.Query(Year));

        Assert.Equal(3, check.Children);
        Assert.Equal(2, check.Errors);
        var ben = Assert.Single(check.Failures, f => f.Rule.Code == "4220");
        Assert.Equal(council.Ben, ben.PersonId);
        Assert.Equal("Ben Census", ben.ChildName);
        var cara = Assert.Single(check.Failures, f => f.Rule.Code == "8866");
        Assert.True(cara.Hidden);
        Assert.Null(cara.PersonId);
        Assert.Null(cara.ChildName);
        Assert.Null(cara.LocalId);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: false)));
        Assert.Equal("ConfirmErrors", refused.Field);
        Assert.Contains("2 errors outstanding", refused.Message, StringComparison.Ordinal);

        // Confirmed, it is made, though Ben's file has no valid ethnicity and Cara's no valid source, so the schema refuses
        // it: the audit says so.
        var invalid = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: true));
        File.Delete(invalid.Path);
        Assert.True(invalid.FailsSchema);
        Assert.Equal("ProduceCinCensus 2025/26: 3 children, 2 errors confirmed, fails the schema",
            await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceCinCensus")).Select(a => a.Action).SingleAsync(Ct)));

        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ben).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, "BAFR"), Ct));
        await WithDbAsync(db => db.Referrals.Where(r => r.ChildId == council.Cara).ExecuteUpdateAsync(s => s.SetProperty(r => r.SourceCode, "3B"), Ct));
        // Now only an error the schema allows: Ben referred more than 40 weeks before his (mistyped) birth (rule 8606).
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ben).ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, D(2025, 12, 1)), Ct));

        var confirmed = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: true));
        File.Delete(confirmed.Path);

        Assert.Equal(1, confirmed.Errors);
        Assert.False(confirmed.FailsSchema);
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceCinCensus")).OrderBy(a => a.OccurredAtUtc).ThenBy(a => a.Id).LastAsync(Ct));
        Assert.Equal(officer, audit.UserId);
        Assert.Equal("ProduceCinCensus 2025/26: 3 children, 1 errors confirmed", audit.Action);
    }

    [Fact]
    public async Task ThePage_ListsEachFailureWithAFixLink_RefusesADownloadWithErrorsUntilConfirmed_ThenDownloadsTheXml()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ben).ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, D(2025, 12, 1)), Ct));
        var client = ClientFor(officer);
        const string url = "/Returns/CinCensus?Year=2025-26";

        var page = await PageAsync(client, url);

        Assert.Contains("Children in need census 2025/26", page, StringComparison.Ordinal);
        Assert.Contains("id=\"census-children\">3<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"census-errors\">1<", page, StringComparison.Ordinal);
        Assert.Contains("Child referral date is more than 40 weeks before DOB or expected DOB", page, StringComparison.Ordinal);
        Assert.Contains("Ben Census", page, StringComparison.Ordinal);
        // The officer cannot open records, so the fix is named for the worker, not linked.
        Assert.DoesNotContain($"href=\"/People/{council.Ben}", page, StringComparison.Ordinal);
        Assert.Contains("Open the child&#x27;s record (by the worker holding the case)", page, StringComparison.Ordinal);

        var refused = await PressAsync(client, url, "Download the census (XML)");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"Input.ConfirmErrors-error\"", again, StringComparison.Ordinal);
        Assert.Contains("1 error outstanding", again, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", again, StringComparison.Ordinal);

        var download = await PressAsync(client, url, "Download the census (XML)", [F("Input.ConfirmErrors", "true")]);

        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("CIN_Census_2026_865.xml", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var xml = XDocument.Parse(await download.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, xml.Root!.Element("Children")!.Elements("Child").Count());

        // The census is the whole council's children: a team manager may not see it.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await ClientFor(AssessmentManager).GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task AWorker_SeesTheirOwnChildrensFailures_TheOfficerSeesThemSharedOutByWorker_AndAFailurePutRightLeavesBoth()
    {
        var council = await CouncilAsync();
        var worker = await AssessmentSocialWorkerAsync();
        await AllocateAsync(AssessmentManager, council.Ada, worker);
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var thisYear = new CollectionYear(2026);
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, (string?)null), Ct));

        var mine = await SendAsUserAsync(worker, new CheckMyChildrensCensus.Query());

        Assert.Equal([thisYear], mine.Years);
        Assert.Equal(1, mine.Children);
        var row = Assert.Single(mine.Failures);
        Assert.Equal(("4220", council.Ada, "Ada Census"), (row.Rule.Code, row.PersonId, row.ChildName));
        var myWork = await PageAsync(ClientFor(worker), "/MyWork");
        Assert.Contains("href=\"/MyWork/Returns\"", myWork, StringComparison.Ordinal);
        var page = await PageAsync(ClientFor(worker), "/MyWork/Returns");
        Assert.Contains($"href=\"/People/{council.Ada}/Edit\"", page, StringComparison.Ordinal);
        Assert.Contains("Ethnicity is missing or invalid", page, StringComparison.Ordinal);

        var officers = await SendAsUserAsync(officer, new CheckCinCensus.Query(thisYear));
        var share = Assert.Single(officers.ByWorker, w => w.Holder?.WorkerId == worker);
        Assert.Equal((1, 0, AssessmentTeam), (share.Errors, share.Queries, share.Holder!.TeamId));
        var theirs = await SendAsUserAsync(officer, new CheckCinCensus.Query(thisYear, WorkerId: worker));
        Assert.Equal("4220", Assert.Single(theirs.Failures).Rule.Code);
        Assert.True(officers.Failures.Count > theirs.Failures.Count, "the unfiltered list has the other children's failures too");

        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, "WBRI"), Ct));

        Assert.Empty((await SendAsUserAsync(worker, new CheckMyChildrensCensus.Query())).Failures);
        Assert.DoesNotContain((await SendAsUserAsync(officer, new CheckCinCensus.Query(thisYear))).ByWorker, w => w.Holder?.WorkerId == worker);
    }

    /// <summary>
    /// 2026/27 adds the pre-proceedings block to the episode it was started on (the DfE's draft: no schema is published,
    /// and PPOutcome's letters are not, so it is left out): Ada's second episode, open into the year.
    /// </summary>
    [Fact]
    public async Task From2026To27_AnEpisodeWithPreProceedings_CarriesTheBlock_AsAt31March()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == council.Ada && r.Status == ReferralStatus.Open, Ct);
            var pp = new PreProceedings(referral, D(2026, 5, 4), "The legal planning meeting agreed the threshold is met.", AssessmentManager, D(2026, 5, 4));
            pp.RecordLetter(D(2026, 5, 6), true, null, D(2026, 5, 6));
            pp.RecordMeeting(D(2026, 5, 11), "First meeting: the plan agreed with the parents and their solicitor.", D(2026, 5, 11));
            pp.RecordFgdm(true, D(2026, 5, 20), "The grandparents will share the care at weekends.", null, D(2026, 5, 20));
            pp.RecordMeeting(D(2026, 6, 15), "Review meeting: progress on the plan.", D(2026, 6, 15));
            pp.Decide(D(2026, 7, 1), PreProceedingsOutcome.StepDown, "Enough progress to step down.", AssessmentManager, D(2026, 7, 1));
            db.PreProceedings.Add(pp);
            await db.SaveChangesAsync(Ct);
        });

        var made = await SendAsUserAsync(officer, new ProduceCinCensus.Command(new CollectionYear(2026), ConfirmErrors: true));
        var actual = XDocument.Load(made.Path);
        File.Delete(made.Path);

        var ada = await LocalIdAsync(council.Ada);
        var episode = actual.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == ada).Elements("CINdetails").Single();
        Assert.Equal("2025-10-06", episode.Element("CINreferralDate")!.Value);
        Assert.Equal("ChildProtectionPlans", episode.Elements().Reverse().Skip(1).First().Name.LocalName);
        AssertSame(
            E("PreProceedingsandFGDM",
                E("PPStartDate", "2026-05-04"), E("LBPSentDate", "2026-05-06"), E("FGDMMeetingOffer", "1"), E("FGDMMeetingFac", "1"),
                E("InitialPPMeetingDate", "2026-05-11"), E("ReviewMeetingsCount", "1"), E("StepDecisionDate", "2026-07-01")),
            episode.Elements().Last());

        // The 2025/26 census has no such block, whatever the record holds now.
        var earlier = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: true));
        var before = XDocument.Load(earlier.Path);
        File.Delete(earlier.Path);
        Assert.Empty(before.Descendants("PreProceedingsandFGDM"));
    }

    /// <summary>
    /// Read after 31 March, the census is the record as it stood on the day: a primary need revised when the assessment
    /// was authorised in April, a category of abuse changed at a review in June and a referral ended with no further
    /// action in April are returned as they were; the record itself shows them as they are now.
    /// </summary>
    [Fact]
    public async Task WhatChangedAfter31March_IsReturnedAsItStoodOnTheDay()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var eve = await ChildAsync("Eve", NewChild() with { DateOfBirth = D(2017, 9, 3), Sex = Sex.Female, EthnicityCode = "WBRI", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN2" });
        var finn = await ChildAsync("Finn", NewChild() with { DateOfBirth = D(2019, 4, 8), Sex = Sex.Male, EthnicityCode = "WBRI", DisabilityCodes = ["NONE"], UpnUnknownReason = "UN2" });
        await WithDbAsync(async db =>
        {
            // Eve: referred for N4 in March, a plan from 11 March under physical abuse, emotional abuse from the review on
            // 25 March; after 31 March her assessment was authorised with need N1, and the June review moved the plan to neglect.
            var referral = new Referral(eve, null, D(2026, 3, 2), "6", "N4", AssessmentTeam, false, null, Calendar);
            var assessment = Assessed(referral, D(2026, 3, 3), D(2026, 4, 20), ["2B"]);
            referral.RevisePrimaryNeed("N1", D(2026, 4, 20), AssessmentManager, assessment.Id);
            var enquiry = new ChildProtectionEnquiry(referral, D(2026, 3, 4), "Police, school", true, "Bruising seen at school.", Calendar, D(2026, 3, 4));
            enquiry.RecordSection47Outcome(D(2026, 3, 9), "Concerns substantiated.", true, D(2026, 3, 9));
            enquiry.RecordConference(D(2026, 3, 11), ConferenceOutcome.ChildProtectionPlan, "PHY", chair, D(2026, 3, 11));
            var plan = new ChildProtectionPlan(enquiry);
            plan.RecordReview(D(2026, 3, 25), true, "EMO", "The plan continues.", chair, D(2026, 3, 25));
            plan.RecordReview(D(2026, 6, 17), true, "NEG", "The plan continues.", chair, D(2026, 6, 17));

            // Finn: referred on 25 March, ended with no further action on 2 April.
            var finns = new Referral(finn, null, D(2026, 3, 25), "1B", "N5", AssessmentTeam, false, null, Calendar);
            finns.EndWithNoFurtherAction(D(2026, 4, 2), "RC7", "Advice given; no role for children's social care.", AssessmentManager, new RecordedOnReferral(0, 0, 0, 0), D(2026, 4, 2));

            db.Referrals.AddRange(referral, finns);
            db.ChildAndFamilyAssessments.Add(assessment);
            db.ChildProtectionEnquiries.Add(enquiry);
            db.ChildProtectionPlans.Add(plan);
            await db.SaveChangesAsync(Ct);
        });

        var made = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: true));
        var actual = XDocument.Load(made.Path);
        File.Delete(made.Path);

        XElement EpisodeOf(string localId) =>
            actual.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == localId).Elements("CINdetails").Single();
        var eves = EpisodeOf(await LocalIdAsync(eve));
        Assert.Equal("N4", eves.Element("PrimaryNeedCode")!.Value);
        var evesPlan = eves.Element("ChildProtectionPlans")!;
        Assert.Equal(("PHY", "EMO"), (evesPlan.Element("InitialCategoryOfAbuse")!.Value, evesPlan.Element("LatestCategoryOfAbuse")!.Value));
        Assert.Equal(["2026-03-25"], evesPlan.Element("Reviews")!.Elements("CPPreviewDate").Select(e => e.Value));
        Assert.Null(eves.Element("Assessments")!.Element("AssessmentAuthorisationDate"));

        var finns = EpisodeOf(await LocalIdAsync(finn));
        Assert.Equal("0", finns.Element("ReferralNFA")!.Value);
        Assert.Null(finns.Element("CINclosureDate"));

        // The next census, as at 31 March 2027, has them as they are now.
        var next = await SendAsUserAsync(officer, new ProduceCinCensus.Command(new CollectionYear(2026), ConfirmErrors: true));
        var later = XDocument.Load(next.Path);
        File.Delete(next.Path);
        var evesNow = later.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == eves.Parent!.Element("ChildIdentifiers")!.Element("LAchildID")!.Value).Elements("CINdetails").Single();
        Assert.Equal(("N1", "NEG"), (evesNow.Element("PrimaryNeedCode")!.Value, evesNow.Element("ChildProtectionPlans")!.Element("LatestCategoryOfAbuse")!.Value));
        var finnsNow = later.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == finns.Parent!.Element("ChildIdentifiers")!.Element("LAchildID")!.Value).Elements("CINdetails").Single();
        Assert.Equal(("1", "2026-04-02"), (finnsNow.Element("ReferralNFA")!.Value, finnsNow.Element("CINclosureDate")!.Value));
    }

    /// <summary>A section 47 enquiry still open on 31 March (no conference yet, none found unnecessary) is in the census.</summary>
    [Fact]
    public async Task AnOpenSection47_IsReturned_WithNoConference()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        await WithDbAsync(async db =>
        {
            var referral = await db.Referrals.SingleAsync(r => r.ChildId == council.Cara, Ct);
            db.ChildProtectionEnquiries.Add(new ChildProtectionEnquiry(referral, D(2026, 3, 24), "Police, midwife", true, "Concerns raised at the antenatal appointment.", Calendar, D(2026, 3, 24)));
            await db.SaveChangesAsync(Ct);
        });

        var made = await SendAsUserAsync(officer, new ProduceCinCensus.Command(Year, ConfirmErrors: true));
        var actual = XDocument.Load(made.Path);
        File.Delete(made.Path);

        var cara = await LocalIdAsync(council.Cara);
        var section47 = Assert.Single(actual.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == cara).Descendants("Section47"));
        AssertSame(
            E("Section47", E("S47ActualStartDate", "2026-03-24"), E("InitialCPCtarget", Calendar.AddWorkingDays(D(2026, 3, 24), 15).ToString("yyyy-MM-dd")), E("ICPCnotRequired", "0")),
            section47);
    }

    [Fact]
    public async Task OnlyAPerformanceOfficer_MayCheckOrMakeTheCensus()
    {
        await CouncilAsync();
        var manager = AssessmentManager;

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(manager, new CheckCinCensus.Query(Year)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(manager, new ProduceCinCensus.Command(Year, true)));
    }

    /// <summary>
    /// From April to July officers make the year just ended's returns: the worker's list has that year's failures beside the
    /// running year's, each named with its year. Ada's episodes are all in 2025/26; on 12 May 2026 (2026/27 running) her
    /// missing ethnicity fails the 2025/26 census, and her second episode, open into 2026/27, fails that year's too.
    /// </summary>
    [Fact]
    public async Task FromAprilToJuly_AWorkersChecks_AlsoCoverTheYearJustEnded_WhileItsReturnsAreMade()
    {
        var council = await CouncilAsync();
        var worker = await AssessmentSocialWorkerAsync();
        await AllocateAsync(AssessmentManager, council.Ada, worker);
        await WithDbAsync(db => db.People.Where(p => p.Id == council.Ada).ExecuteUpdateAsync(s => s.SetProperty(p => p.EthnicityCode, (string?)null), Ct));

        // The handler on a clock of its own set to 12 May 2026: the host's clock cannot go back.
        var may = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.Zero));
        var inMay = await WithDbAsync(db => new CheckMyChildrensCensus.Handler(db, new Worker(worker), may).Handle(new CheckMyChildrensCensus.Query(), Ct).AsTask());
        Assert.Equal([new CollectionYear(2026), Year], inMay.Years);
        Assert.Equal([(new CollectionYear(2026), "4220"), (Year, "4220")], inMay.Failures.Where(f => f.Rule.Code == "4220").Select(f => (f.Year, f.Rule.Code)).ToList());
        var inNovember = await SendAsUserAsync(worker, new CheckMyChildrensCensus.Query());
        Assert.Equal([new CollectionYear(2026)], inNovember.Years);
    }

    private sealed record Worker(Guid Id) : ChildrenServices.Application.Security.ICurrentUser
    {
        public Guid? UserId => Id;

        public string? DisplayName => "Grace Okafor-Lyle";

        public bool IsAuthenticated => true;

        public IReadOnlyCollection<string> Roles => [ChildrenServices.Application.Security.Roles.SocialWorker];

        public string? CorrelationId => null;
    }
}
