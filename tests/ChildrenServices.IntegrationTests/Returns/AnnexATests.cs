using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ChildrenServices.Application;
using ChildrenServices.Application.People;
using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Teams;
using ChildrenServices.IntegrationTests.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Returns;

/// <summary>
/// Ofsted's Annex A lists for 1 April to 30 September 2026, made from a small council built by hand and compared cell by
/// cell with the rows worked out here, as CSV files and as an Excel workbook: Ada (contact, referral, assessment, section 47
/// and initial conference, protection plan), Ben (early help), Cara (a referral ended with no further action), Dan (looked
/// after, his care ending after the period) and Eve (a child in need whose episode closed in the period). Each has
/// something just outside the period that is left out. The fake clock's today is 24 November 2026.
/// </summary>
public sealed class AnnexATests(AppFactory factory) : FrontDoorTestBase(factory)
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private const string Url = "/Returns/AnnexA?From.Day=1&From.Month=4&From.Year=2026&To.Day=30&To.Month=9&To.Year=2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private sealed record Council(Guid Ada, Guid Ben, Guid Cara, Guid Dan, Guid Eve, Guid Worker, Dictionary<Guid, string> Ids);

    private async Task<Guid> ChildAsync(string given, CreatePerson.Command details) =>
        await SendAsUserAsync(Practitioner, details with { GivenNames = given, FamilyName = "Annex", ConfirmedNotDuplicate = true });

    private async Task<Council> CouncilAsync()
    {
        var ada = await ChildAsync("Ada", NewChild() with { DateOfBirth = D(2016, 2, 10), Sex = Sex.Female, EthnicityCode = "WBRI", DisabilityCodes = ["AUT"] });
        var ben = await ChildAsync("Ben", NewChild() with { DateOfBirth = D(2012, 7, 1), Sex = Sex.Male, EthnicityCode = "BAFR", DisabilityCodes = ["NONE"] });
        var cara = await ChildAsync("Cara", NewChild() with { DateOfBirth = D(2019, 5, 5), Sex = Sex.Female });
        var danBorn = D(2010, 8, 21);
        var dan = await ChildAsync("Dan", NewChild() with { DateOfBirth = danBorn, Sex = Sex.Male, EthnicityCode = "WBRI", DisabilityCodes = ["NONE"] });
        var eve = await ChildAsync("Eve", NewChild() with { DateOfBirth = D(2014, 3, 3), Sex = Sex.Female, EthnicityCode = "WOTH", DisabilityCodes = ["NONE"] });
        var worker = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var careWorker = await CreateUserAsync(Roles.SocialWorker, "Sam Carter");
        var chair = await CreateUserAsync(Roles.ReviewingOfficer, "Helen Marsh");
        var careTeam = await NewTeamAsync("Children in Care", TeamKind.ChildrenLookedAfter, Manager);

        await WithDbAsync(async db =>
        {
            // Contacts: Ada's on Monday 4 May (09:30 BST); Ben and Cara on one at 23:30 BST on 30 September, the period's
            // last day though not yet 1 October in UTC; left out, Ada's in March and one at 00:30 BST on 1 October (still
            // 30 September in UTC).
            Contact NewContact(string reference, DateTime receivedUtc, string source, params Guid[] children)
            {
                var contact = Contact.Record(reference, ContactRoute.PhoneConsultation, receivedUtc, receivedUtc.AddDays(1),
                    new Referrer("Mrs Okonjo", "Northbridge Primary School", "Designated safeguarding lead", null, null, source),
                    new ContactAccount("Came to school hungry.", null, null, null), ConsentToShare.Given, null, ContactUrgency.Routine, Practitioner, AppFactory.Now.UtcDateTime);
                foreach (var child in children)
                {
                    contact.LinkPerson(child, ContactPersonRole.Child);
                }

                return contact;
            }

            db.Contacts.AddRange(
                NewContact("AA-1", Utc(2026, 5, 4, 8, 30), "2A", ada),
                NewContact("AA-2", Utc(2026, 9, 30, 22, 30), "6", ben, cara),
                NewContact("AA-3", Utc(2026, 3, 20, 10, 0), "2A", ada),
                NewContact("AA-4", Utc(2026, 9, 30, 23, 30), "2A", ada));

            // Early help: Ben's assessment started (with the episode) in April and completed in May; Cara's before the period.
            var bens = new EarlyHelpEpisode("Annex", EpisodeKind.EarlyHelp, null, EpisodeStart.FrontDoorDecision, null, D(2026, 4, 15), EarlyHelpTeam, Manager, [ben]);
            var carasEpisode = new EarlyHelpEpisode("Annex", EpisodeKind.EarlyHelp, null, EpisodeStart.FrontDoorDecision, null, D(2025, 12, 1), EarlyHelpTeam, Manager, [cara]);
            db.EarlyHelpEpisodes.AddRange(bens, carasEpisode);
            db.EarlyHelpAssessments.AddRange(Completed(bens.Id, ben, D(2026, 5, 20)), Completed(carasEpisode.Id, cara, D(2026, 1, 10)));

            // Ada: an episode in 2025 with a section 47 (no conference needed), closed; then a re-referral in May 2026, its
            // assessment, a section 47, the initial conference and a protection plan open at the period's end.
            var first = new Referral(ada, null, D(2025, 9, 1), "2A", "N4", AssessmentTeam, false, null, Calendar);
            var firstEnquiry = new ChildProtectionEnquiry(first, D(2025, 9, 5), "Police, school", true, "Bruising seen.", Calendar, D(2025, 9, 5));
            firstEnquiry.RecordSection47Outcome(D(2025, 9, 12), "Not substantiated.", false, D(2025, 9, 12));
            first.Close(D(2025, 10, 15), "RC8");
            var second = new Referral(ada, null, D(2026, 5, 5), "2A", "N1", AssessmentTeam, false, first, Calendar);
            var assessment = new ChildAndFamilyAssessment(second, D(2026, 5, 6), worker, D(2026, 5, 6));
            assessment.RecordSeen(D(2026, 5, 7), true, D(2026, 5, 7));
            assessment.Record("Analysis of needs and risks.", ["3A"], AssessmentOutcome.StrategyDiscussion, null);
            assessment.Submit(D(2026, 6, 9));
            assessment.Authorise(AssessmentManager, D(2026, 6, 10));
            var enquiry = new ChildProtectionEnquiry(second, D(2026, 6, 12), "Police, school", true, "Injury seen at school.", Calendar, D(2026, 6, 12));
            enquiry.RecordSection47Outcome(D(2026, 6, 20), "Substantiated.", true, D(2026, 6, 20));
            enquiry.RecordConference(D(2026, 6, 24), ConferenceOutcome.ChildProtectionPlan, "PHY", chair, D(2026, 6, 24));
            var plan = new ChildProtectionPlan(enquiry);
            plan.RecordVisit(D(2026, 7, 1), true, true, Today);
            plan.RecordReview(D(2026, 9, 16), true, "MUL", "The plan continues.", chair, Today);
            plan.RecordVisit(D(2026, 9, 29), true, false, Today);
            plan.RecordVisit(D(2026, 10, 5), true, true, Today);

            // After the period: the October review moved the plan to neglect, and the need was revised to N2. The lists
            // are as at 30 September, so they have the category and need of that day.
            plan.RecordReview(D(2026, 10, 14), true, "NEG", "The plan continues.", chair, Today);
            second.RevisePrimaryNeed("N2", D(2026, 10, 20), AssessmentManager, null);

            // Cara: a referral in August ended with no further action two days later.
            var caras = new Referral(cara, null, D(2026, 8, 3), "5D", "N4", AssessmentTeam, false, null, Calendar);
            caras.EndWithNoFurtherAction(D(2026, 8, 5), "RC7", "Needs met by the school.", AssessmentManager, new RecordedOnReferral(0, 0, 0, 0), Today);

            // Eve: referred in February, on a child in need plan, her episode closed in July.
            var eves = new Referral(eve, null, D(2026, 2, 2), "1A", "N4", AssessmentTeam, false, null, Calendar);
            var cin = new ChildInNeedPlan(eves, D(2026, 2, 20), D(2026, 2, 20));
            cin.RecordVisit(D(2026, 4, 20), true, false, Today);
            cin.End(D(2026, 7, 31), "Needs met.", Today);
            eves.Close(D(2026, 7, 31), "RC7");

            db.Referrals.AddRange(first, second, caras, eves);
            db.ChildAndFamilyAssessments.Add(assessment);
            db.ChildProtectionEnquiries.AddRange(firstEnquiry, enquiry);
            db.ChildProtectionPlans.Add(plan);
            db.ChildInNeedPlans.Add(cin);

            // Dan: looked after from June 2024 to March 2025, then again from November 2025: a change of legal status, new
            // foster carers, a full care order, a missing and an absent episode; his care ends in October, after the period.
            var before = PeriodOfCare.Start(dan, D(2024, 6, 3), "V2", "N5", new Placement("U6", "PR1", "SN9 9ZZ", "Lee family", false, "SC123456"), danBorn, Today);
            before.End(D(2025, 3, 20), "E4A", Today);
            var care = PeriodOfCare.Start(dan, D(2025, 11, 3), "V2", "N4", new Placement("U6", "PR1", "SN7 8JK", "Patel family", false, "SC123456"), danBorn, Today, "SN6 7HJ");
            care.ChangeLegalStatus(D(2026, 5, 11), "C1", Today);
            care.ChangePlacement(D(2026, 6, 15), new Placement("U4", "PR4", "SN3 4EF", "Jones family", true, "SC654321"), false, Today, "CARPL", danBorn);
            care.ChangeLegalStatus(D(2026, 8, 3), "C2", Today);
            care.RecordReview(D(2026, 6, 1), "PN1", chair, Today, danBorn);
            care.RecordVisit(D(2026, 9, 10), true, false, Today);
            var missing = care.RecordMissing("M", D(2026, 7, 2), D(2026, 7, 3), Today);
            care.RecordReturnInterview(missing.Id, true, false, null, Today);
            care.RecordMissing("A", D(2026, 8, 10), D(2026, 8, 11), Today);
            care.End(D(2026, 10, 20), "E4A", Today);
            db.PeriodsOfCare.AddRange(before, care);

            var eveLead = new Allocation(eve, worker, AssessmentTeam, AllocationRole.Lead, D(2026, 2, 2), AssessmentManager, "FCONTA");
            eveLead.End(D(2026, 7, 31));
            db.Allocations.AddRange(
                new Allocation(ada, worker, AssessmentTeam, AllocationRole.Lead, D(2026, 5, 5), AssessmentManager, "FCONTA"),
                new Allocation(dan, careWorker, careTeam, AllocationRole.Lead, D(2025, 11, 3), Manager, "FCONTA"),
                eveLead);
            await db.SaveChangesAsync(Ct);
        });

        var ids = await WithDbAsync(db => db.People.Where(p => p.LocalId != null).ToDictionaryAsync(p => p.Id, p => p.LocalId!, Ct));
        return new Council(ada, ben, cara, dan, eve, worker, ids);
    }

    private static EarlyHelpAssessment Completed(Guid episode, Guid child, DateOnly on)
    {
        var assessment = new EarlyHelpAssessment(episode);
        assessment.Record("Worries.", "Working well.", "Needs to happen.", 6, new Dictionary<Guid, string?> { [child] = "What the child said." });
        assessment.Complete(on, [child]);
        return assessment;
    }

    /// <summary>The rows worked out by hand, each list's in order (children in local ID order, as they were made), dates dd/mm/yyyy.</summary>
    private static Dictionary<int, string[][]> Expected(Council c)
    {
        string[] Ada() => [c.Ids[c.Ada], "b) Female", "a) WBRI", "10/02/2016", "10"];
        string[] Ben() => [c.Ids[c.Ben], "a) Male", "o) BAFR", "01/07/2012", "14"];
        string[] Cara() => [c.Ids[c.Cara], "b) Female", "", "05/05/2019", "7"];
        string[] Dan() => [c.Ids[c.Dan], "a) Male", "a) WBRI", "21/08/2010", "16"];
        string[] Eve() => [c.Ids[c.Eve], "b) Female", "d) WOTH", "03/03/2014", "12"];
        string[] Grace = ["Assessment", "Grace Okafor-Lyle"];
        return new()
        {
            [1] =
            [
                [.. Ada(), "04/05/2026", "e) 2A: Schools"],
                [.. Ben(), "30/09/2026", "q) 6: Police"],
                [.. Cara(), "30/09/2026", "q) 6: Police"],
            ],
            [2] = [[.. Ben(), "15/04/2026", "20/05/2026", "Early Help North"]],
            [3] =
            [
                // Ada's May referral came eight months after her September 2025 one; Cara's source 5D has no letter in the template.
                [.. Ada(), "05/05/2026", "e) 2A: Schools", "b) No", "1", .. Grace],
                [.. Cara(), "03/08/2026", "5D", "a) Yes", "0", "", ""],
            ],
            [4] = [[.. Ada(), "a) Yes", "06/05/2026", "a) Yes", "10/06/2026", "a) Yes", .. Grace]],
            [5] = [[.. Ada(), "a) Yes", "12/06/2026", "b) No", "24/06/2026", "a) Yes", "1", "0", .. Grace]],
            [6] =
            [
                // Ada was last seen on the protection visit of 29 September (the one in October is after the period).
                [.. Ada(), "a) Yes", "05/05/2026", "N1 - Abuse or neglect", "29/09/2026", "", "", "b) Child Protection plan", .. Grace],
                [.. Eve(), "b) No", "02/02/2026", "N4 - Family in acute stress", "20/04/2026", "31/07/2026",
                    "RC7 - Services ceased for any other reason, including child no longer in need", "e) Closed episode", .. Grace],
            ],
            [7] =
            [
                [.. Ada(), "a) Yes", "24/06/2026", "b) Physical abuse", "e) Multiple/not recommended", "29/09/2026", "b) No", "16/09/2026", "", "b) No", "0", .. Grace],
            ],
            [8] =
            [
                // Care left in March 2025, within 12 months of this period's start: a second period. Two placements in the 12
                // months to 30 September (Patel, then Jones); as at then still looked after under the full care order.
                [
                    .. Dan(), "b) No", "b) No", "03/11/2025", "N4 - Family in acute stress", "a) Yes", "03/08/2026", "C2: FCO", "01/06/2026", "10/09/2026",
                    "", "", "", "", "2", "", "", "15/06/2026", "d) U4: Foster placement - long term", "e) PR4: Private provision", "SN3 4EF", "SC654321", "", "",
                    "1", "1", "a) Yes", "b) No", "Children in Care", "Sam Carter",
                ],
            ],
        };
    }

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(ch);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "Every line, the last too, ends with CRLF");
        return rows;
    }

    private static async Task<Dictionary<string, string>> ZipTextsAsync(Stream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            await using var stream = await entry.OpenAsync(Ct);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            files[entry.FullName] = await reader.ReadToEndAsync(Ct);
        }

        return files;
    }

    /// <summary>Each sheet by name, each row its cells as text: dates (date-styled serial numbers) written dd/mm/yyyy.</summary>
    private static Dictionary<string, List<string[]>> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var customFormats = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var sheets = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet!.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    // A cell without a reference stands where it is in the row (the spreadsheet format allows both).
                    var column = cell.CellReference?.Value is { } reference
                        ? reference.TakeWhile(char.IsLetter).Aggregate(0, (n, letter) => (n * 26) + letter - 'A' + 1) - 1
                        : position;
                    position = column + 1;
                    if (cell.CellValue is null && cell.InlineString is null)
                    {
                        continue;
                    }

                    string text;
                    if (cell.DataType?.Value == CellValues.InlineString)
                    {
                        text = cell.InlineString!.InnerText;
                    }
                    else if (cell.StyleIndex is { } style && formats[(int)style.Value].NumberFormatId is { } format && customFormats.GetValueOrDefault(format.Value) == "dd/mm/yyyy")
                    {
                        text = DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture))).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        Assert.Null(cell.DataType);
                        text = cell.CellValue!.Text;
                        Assert.True(int.TryParse(text, CultureInfo.InvariantCulture, out _), $"{sheet.Name} {cell.CellReference}: a number cell holds '{text}'");
                    }

                    cells[column] = text;
                }

                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                rows.Add([.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, string.Empty))]);
            }

            sheets[sheet.Name!.Value!] = rows;
        }

        return sheets;
    }

    /// <summary>A row as read from the workbook, padded with the blank cells the writer leaves out at its end.</summary>
    private static string[] Padded(string[] row, int columns) => [.. row, .. Enumerable.Repeat(string.Empty, columns - row.Length)];

    [Fact]
    public async Task TheCsvFiles_HoldEachListsRows_CellByCell_WithOfstedsHeadings_AndLeaveOutWhatIsOutsideThePeriod()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var made = await SendAsUserAsync(officer, new ProduceAnnexA.Command(D(2026, 4, 1), D(2026, 9, 30), AnnexAFormat.Csv));
        Dictionary<string, string> files;
        await using (var zip = File.OpenRead(made.Path))
        {
            files = await ZipTextsAsync(zip);
        }

        File.Delete(made.Path);

        Assert.Equal("Annex_A_2026-04-01_to_2026-09-30.zip", made.FileName);
        Assert.Equal(
            ["List_1_Contacts.csv", "List_2_Early_Help_Assessments.csv", "List_3_Referrals.csv", "List_4_Assessments.csv", "List_5_Section_47_Enquiries_and_ICPC.csv",
             "List_6_Children_in_Need.csv", "List_7_Child_Protection.csv", "List_8_Children_in_Care.csv"],
            files.Keys);
        var expected = Expected(council);
        foreach (var list in AnnexA.Lists)
        {
            var text = files[list.CsvName];
            Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
            var rows = ParseCsv(text[1..]);
            Assert.Equal(list.Columns.Select(c => c.Heading), rows[0]);
            Assert.Equal(expected[list.Number], rows.Skip(1));
            Assert.Equal(expected[list.Number].Length, made.Rows[list.Number]);
        }

        Assert.StartsWith(
            "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\r\n",
            files["List_1_Contacts.csv"][1..],
            StringComparison.Ordinal);
        // A value with a comma is quoted (RFC 4180).
        Assert.Contains(",\"RC7 - Services ceased for any other reason, including child no longer in need\",", files["List_6_Children_in_Need.csv"], StringComparison.Ordinal);
        Assert.Equal(
            "ProduceAnnexA 2026-04-01–2026-09-30, CSV: 12 rows in lists 1–8",
            await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceAnnexA")).Select(a => a.Action).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ThePage_CountsEachList_NamesWhatIsNotRecorded_AndDownloadsTheWorkbook_OneSheetPerList_WithRealDates_Audited()
    {
        var council = await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var client = ClientFor(officer);

        var page = await PageAsync(client, Url);

        Assert.Contains("1 April 2026 to 30 September 2026", page, StringComparison.Ordinal);
        foreach (var (list, rows) in new[] { (1, 3), (2, 1), (3, 2), (4, 1), (5, 1), (6, 2), (7, 1), (8, 1) })
        {
            Assert.Contains($"id=\"rows-list-{list}\">{rows}<", page, StringComparison.Ordinal);
        }

        Assert.Contains("List 9: Care leavers", page, StringComparison.Ordinal);
        Assert.Contains("List 10: Adoption", page, StringComparison.Ordinal);
        Assert.Contains("List 11: Adopters", page, StringComparison.Ordinal);
        Assert.Contains("Date of Last Dental Check", page, StringComparison.Ordinal);
        Assert.Contains("Date of Last Health Assessment", page, StringComparison.Ordinal);
        Assert.Contains("What is the permanence plan for this child?", page, StringComparison.Ordinal);
        // Counts only: no child is named.
        Assert.DoesNotContain("Ada Annex", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dan Annex", page, StringComparison.Ordinal);

        var download = await PressAsync(client, Url, "Download the lists (Excel workbook)");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Annex_A_2026-04-01_to_2026-09-30.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new MemoryStream(await download.Content.ReadAsByteArrayAsync(Ct));
        using var document = SpreadsheetDocument.Open(workbook, false);

        Assert.Empty(new OpenXmlValidator().Validate(document, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheets = Sheets(document);
        Assert.Equal(["List 1", "List 2", "List 3", "List 4", "List 5", "List 6", "List 7", "List 8"], sheets.Keys);
        var expected = Expected(council);
        foreach (var list in AnnexA.Lists)
        {
            var rows = sheets[list.SheetName];
            Assert.Equal(list.Columns.Select(c => c.Heading), rows[0]);
            Assert.Equal(expected[list.Number], rows.Skip(1).Select(r => Padded(r, list.Columns.Count)));
        }

        // Dates are real dates: Ada's contact is the serial number of 4 May 2026, shown as dd/mm/yyyy.
        var firstSheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == "List 1");
        var contactDate = ((WorksheetPart)document.WorkbookPart.GetPartById(firstSheet.Id!.Value!)).Worksheet!.Descendants<Row>().ElementAt(1).Elements<Cell>().ElementAt(5);
        Assert.Equal(new DateTime(2026, 5, 4).ToOADate().ToString(CultureInfo.InvariantCulture), contactDate.CellValue!.Text);

        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("ProduceAnnexA")).SingleAsync(Ct));
        Assert.Equal(officer, audit.UserId);
        Assert.Null(audit.PersonId);
        Assert.Equal("ProduceAnnexA 2026-04-01–2026-09-30, Excel: 12 rows in lists 1–8", audit.Action);

        var csv = await PressAsync(client, Url, "Download the lists (CSV files, zip)");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("application/zip", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8, (await ZipTextsAsync(await csv.Content.ReadAsStreamAsync(Ct))).Count);
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("ProduceAnnexA"), Ct)));
    }

    [Fact]
    public async Task ThePage_WithNoPeriodGiven_ShowsTheTwelveMonthsToToday()
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var page = await PageAsync(ClientFor(officer), "/Returns/AnnexA");

        Assert.Contains("25 November 2025 to 24 November 2026", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rows-list-1\">0<", page, StringComparison.Ordinal);
        Assert.Contains("name=\"From.Day\" type=\"text\" inputmode=\"numeric\" value=\"25\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From.Day=1&From.Month=10&From.Year=2026&To.Day=30&To.Month=9&To.Year=2026", "To", "The end of the period must not be before its start")]
    [InlineData("From.Day=1&From.Month=10&From.Year=2026&To.Day=25&To.Month=11&To.Year=2026", "To", "The end of the period must be today or in the past")]
    [InlineData("From.Day=31&From.Month=12&From.Year=1999&To.Day=30&To.Month=9&To.Year=2002", "From", "The start of the period must be on or after 1 January 2000")]
    [InlineData("From.Day=30&From.Month=9&From.Year=2023&To.Day=30&To.Month=9&To.Year=2026", "To", "Choose a period of three years or less")]
    [InlineData("From.Day=31&From.Month=2&From.Year=2026&To.Day=30&To.Month=9&To.Year=2026", "From", "From must be a real date")]
    [InlineData("From.Day=&From.Month=&From.Year=&To.Day=30&To.Month=9&To.Year=2026", "From", "Enter the start of the period")]
    public async Task ABadPeriod_IsAnErrorBesideItsDate_WithTheTypedDatesKept(string query, string field, string message)
    {
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");

        var response = await ClientFor(officer).GetAsync($"/Returns/AnnexA?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{System.Net.WebUtility.HtmlEncode(message)}", page, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {System.Net.WebUtility.HtmlEncode(message)}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Download the lists", page, StringComparison.Ordinal);
        Assert.Contains("name=\"To.Day\" type=\"text\" inputmode=\"numeric\" value=\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadForABadPeriod_IsRefusedBesideTheDate_AndMakesNoFile()
    {
        await CouncilAsync();
        var officer = await CreateUserAsync(Roles.PerformanceOfficer, "Dev Lindqvist");
        var client = ClientFor(officer);
        var before = Directory.GetFiles(Path.GetTempPath(), "annex-a-*").Length;

        // The page's own form, with its dates changed for a period ending tomorrow.
        var refused = await PressAsync(client, Url, "Download the lists (Excel workbook)", [F("To", "2026-11-25")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<p id=\"To-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The end of the period must be today or in the past", page, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "annex-a-*").Length);
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("ProduceAnnexA"), Ct)));

        var unknown = await PressAsync(client, Url, "Download the lists (Excel workbook)", [F("Format", "Pdf")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose the Excel workbook or the CSV files", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsUserAsync(officer, new ProduceAnnexA.Command(D(2026, 10, 1), D(2026, 9, 30), AnnexAFormat.Excel)));
    }

    [Fact]
    public async Task OnlyThoseWhoMakeReturns_MayOpenThePageOrMakeTheLists()
    {
        var council = await CouncilAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(council.Worker).GetAsync(Url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientFor(AssessmentManager).GetAsync(Url, Ct)).StatusCode);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(council.Worker, new ProduceAnnexA.Command(D(2026, 4, 1), D(2026, 9, 30), AnnexAFormat.Csv)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsUserAsync(AssessmentManager, new AnnexACounts.Query(D(2026, 4, 1), D(2026, 9, 30))));
        Assert.False(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action.StartsWith("ProduceAnnexA"), Ct)));
    }
}
