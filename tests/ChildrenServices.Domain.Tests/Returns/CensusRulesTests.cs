using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;

namespace ChildrenServices.Domain.Tests.Returns;

/// <summary>
/// Each CIN census rule checked: a child whose record breaks it (made from a sound child by one change) fails it, and the
/// sound child fails nothing. Census year 2025/26: 1 April 2025 to 31 March 2026.
/// </summary>
public sealed class CensusRulesTests
{
    private static readonly CollectionYear Year = new(2025);
    private static readonly CensusRules Rules = new(Year, WorkingDayCalendar.EnglandAndWales);

    private static readonly Guid ClosedEpisode = Guid.NewGuid(), OpenEpisode = Guid.NewGuid();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A child with an episode opened and closed in the year (assessment, then a child in need plan) and a second, open one
    /// (assessment, section 47, initial conference and a child protection plan with a review).
    /// </summary>
    private static CensusChild Sound() => new(
        Guid.NewGuid(), "C000123", "Y865200115123", null, D("2015-06-10"), null, "F", null, "WBRI", ["NONE"],
        [
            new CensusEpisode(
                ClosedEpisode, D("2025-05-06"), "2A", "N4", D("2025-09-15"), "RC7", null, false,
                [new CensusAssessment(Guid.NewGuid(), D("2025-05-07"), D("2025-06-20"), ["3A", "4B"])],
                [new CensusCinPlan(Guid.NewGuid(), D("2025-06-23"), D("2025-09-15"))],
                [],
                []),
            new CensusEpisode(
                OpenEpisode, D("2025-11-03"), "6", "N1", null, null, null, false,
                [new CensusAssessment(Guid.NewGuid(), D("2025-11-04"), D("2025-12-12"), ["16A"])],
                [],
                [new CensusSection47(Guid.NewGuid(), D("2025-11-05"), D("2025-11-26"), D("2025-11-26"), false)],
                [new CensusCpPlan(Guid.NewGuid(), D("2025-11-26"), null, "NEG", "NEG", 0, [D("2026-02-20")])]),
        ]);

    private static CensusChild Closed(CensusChild c, Func<CensusEpisode, CensusEpisode> change) =>
        c with { Episodes = [change(c.Episodes[0]), c.Episodes[1]] };

    private static CensusChild Open(CensusChild c, Func<CensusEpisode, CensusEpisode> change) =>
        c with { Episodes = [c.Episodes[0], change(c.Episodes[1])] };

    private static CensusEpisode Assessment(CensusEpisode e, Func<CensusAssessment, CensusAssessment> change) =>
        e with { Assessments = [change(e.Assessments[0]), .. e.Assessments.Skip(1)] };

    private static CensusEpisode Section47(CensusEpisode e, Func<CensusSection47, CensusSection47> change) =>
        e with { Section47s = [change(e.Section47s[0]), .. e.Section47s.Skip(1)] };

    private static CensusEpisode CpPlan(CensusEpisode e, Func<CensusCpPlan, CensusCpPlan> change) =>
        e with { CpPlans = [change(e.CpPlans[0]), .. e.CpPlans.Skip(1)] };

    private static CensusEpisode CinPlan(CensusEpisode e, Func<CensusCinPlan, CensusCinPlan> change) =>
        e with { CinPlans = [change(e.CinPlans[0]), .. e.CinPlans.Skip(1)] };

    private static CensusEpisode Nfa(CensusEpisode e) =>
        e with { ReferralNfa = true, PrimaryNeed = null, ClosureDate = e.ReferralDate, ClosureReason = "RC7", Assessments = [], CinPlans = [], Section47s = [], CpPlans = [] };

    /// <summary>Rule → how a sound child is changed to break it.</summary>
    private static readonly Dictionary<string, Func<CensusChild, CensusChild>> Breaks = new()
    {
        ["8500"] = c => c with { LocalId = null },
        ["1570"] = c => c with { LocalId = "C" + new string('1', 20) },
        ["1580"] = c => c with { LocalId = "C-000123" },
        ["1510"] = c => c with { Upn = "A865200115123" },
        ["1530"] = c => c with { Upn = "Y000200115123" },
        ["1540"] = c => c with { Upn = "Y8652001X5123" },
        ["1550"] = c => c with { Upn = "Y86520011512I" },
        ["4180"] = c => c with { Sex = "X" },
        ["8750"] = c => c with { BirthDate = null, ExpectedBirthDate = D("2026-05-01"), Sex = "F" },
        ["8520"] = c => c with { BirthDate = D("2026-04-01") },
        ["8525Q"] = c => c with { ExpectedBirthDate = D("2026-05-01") },
        ["8530Q"] = c => c with { BirthDate = null, ExpectedBirthDate = D("2027-01-15"), Sex = "U" },
        ["8535Q"] = c => c with { DeathDate = D("2015-06-01") },
        ["8545Q"] = c => c with { DeathDate = D("2024-12-01") },
        ["8770Q"] = c => c with { Upn = null, UpnUnknown = "UN1" },
        ["8772"] = c => c with { UpnUnknown = "UN7" },
        ["8775Q"] = c => c with { BirthDate = D("2000-01-01") },
        ["8590"] = c => c with { Episodes = [] },
        ["4220"] = c => c with { Ethnicity = "WXYZ" },
        ["8540"] = c => c with { Disabilities = [] },
        ["8790"] = c => c with { Disabilities = ["NONE", "AUT"] },
        ["8794"] = c => c with { Disabilities = ["AUT", "AUT"] },

        ["8600"] = c => Open(c, e => e with { ReferralDate = D("2026-04-02") }),
        ["8606"] = c => Closed(c, e => e with { ReferralDate = D("2014-06-01") }),
        ["8555Q"] = c => c with { DeathDate = D("2025-10-01") },
        ["8866"] = c => Open(c, e => e with { ReferralSource = "11" }),
        ["8610"] = c => Open(c, e => e with { PrimaryNeed = null }),
        ["8650"] = c => Open(c, e => e with { PrimaryNeed = "N12" }),
        ["8620"] = c => Closed(c, e => e with { ClosureDate = D("2026-04-10") }),
        ["8630"] = c => Closed(c, e => e with { ClosureDate = D("2025-05-05") }),
        ["8640"] = c => Closed(c, e => e with { ClosureReason = "RC99" }),
        ["8805"] = c => Closed(c, e => e with { ClosureReason = null }),
        ["8810"] = c => Open(c, e => e with { ClosureReason = "RC7" }),
        ["8815"] = c => Closed(c, e => e with { ClosureDate = null, ClosureReason = null }),
        ["8816"] = c => Closed(c, e => e with { ClosureDate = null, ClosureReason = null }),
        ["8820"] = c => Closed(c, e => e with { ClosureDate = D("2025-11-10"), CinPlans = [] }),
        ["8825Q"] = c => Closed(c, e => e with { ClosureReason = "RC8", Assessments = [], CinPlans = [] }),
        ["8831"] = c => Closed(c, e => Nfa(e) with { Assessments = e.Assessments }),
        ["8832"] = c => Closed(c, e => Nfa(e) with { CpPlans = [new CensusCpPlan(Guid.NewGuid(), D("2025-05-07"), D("2025-06-01"), "NEG", "NEG", 0, [])] }),
        ["4000"] = c => Closed(c, e => Nfa(e) with { CinPlans = e.CinPlans }),
        ["8867"] = c => Closed(c, e => Assessment(e, a => a with { AuthorisationDate = null, Factors = [] })),
        ["8868"] = c => Closed(c, e => e with { Section47s = [new CensusSection47(Guid.NewGuid(), D("2025-05-08"), D("2025-05-29"), null, false)] }),
        ["2990"] = c => Closed(c, e => e with { ClosureReason = "RC8" }),
        ["2991Q"] = c => Open(c, e => e with { Assessments = [] }),
        ["8569Q"] = c => c with { Episodes = [Nfa(c.Episodes[0]) with { ReferralDate = D("2025-03-20"), ClosureDate = D("2025-04-02") }, c.Episodes[1]] },
        ["8585Q"] = c => Closed(c, e => e with { ClosureReason = "RC2" }),
        ["8565"] = c => Closed(c, e => CinPlan(e, p => p with { EndDate = D("2025-09-20") })),
        ["8873Q"] = c => Closed(c, e => Assessment(e, a => a with { Factors = ["21"] }) with { CinPlans = [] }),

        ["1103"] = c => Open(c, e => Assessment(e, a => a with { StartDate = D("2025-11-01") })),
        ["8608"] = c => Open(c, e => Assessment(e, a => a with { AuthorisationDate = D("2025-11-03") })),
        ["8614"] = c => Open(c, e => Assessment(e, a => a with { AuthorisationDate = null })),
        ["8897Q"] = c => Open(c, e => Assessment(e, a => a with { Factors = [] })),
        ["8869"] = c => Open(c, e => Assessment(e, a => a with { Factors = ["21", "16A"] })),
        ["8898"] = c => Open(c, e => Assessment(e, a => a with { Factors = ["16A", "16A"] })),
        ["8945Q"] = c => Open(c, e => Assessment(e, a => a with { Factors = ["18A"] })),
        ["8950Q"] = c => Open(c, e => Assessment(e, a => a with { Factors = ["19A"] })),
        ["8696"] = c => Open(c, e => Assessment(e, a => a with { AuthorisationDate = D("2026-04-02") })),
        ["8736"] = c => Open(c, e => e with { ReferralDate = D("2025-03-03"), Assessments = [new CensusAssessment(Guid.NewGuid(), D("2025-03-04"), null, [])] }),
        ["8670Q"] = c => Open(c, e => Assessment(e, a => a with { AuthorisationDate = null, Factors = [] })),
        ["8863Q"] = c => Open(c, e => e with { Assessments = [.. e.Assessments, new CensusAssessment(Guid.NewGuid(), D("2025-11-20"), D("2025-12-15"), ["16A"])] }),
        ["8896"] = c => Open(c, e => e with { Assessments = [new CensusAssessment(Guid.NewGuid(), D("2026-03-02"), null, []), new CensusAssessment(Guid.NewGuid(), D("2026-03-03"), null, [])] }),

        ["4010"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2026-04-02"), null)] }),
        ["4011"] = c => Closed(c, e => CinPlan(e, p => p with { EndDate = D("2025-06-20") })),
        ["4012Q"] = c => Closed(c, e => CinPlan(e, p => p with { EndDate = D("2025-06-23") })),
        ["4013"] = c => Closed(c, e => CinPlan(e, p => p with { StartDate = D("2025-03-05"), EndDate = D("2025-03-30") }) with { ReferralDate = D("2025-03-01") }),
        ["4014"] = c => Closed(c, e => e with { CinPlans = [.. e.CinPlans, new CensusCinPlan(Guid.NewGuid(), D("2025-07-01"), D("2025-08-01"))] }),
        ["4015"] = c => Closed(c, e => CinPlan(e, p => p with { StartDate = D("2025-05-01") })),
        ["4004"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2025-11-10"), null), new CensusCinPlan(Guid.NewGuid(), D("2025-11-12"), null)] }),
        ["4001"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2025-11-10"), null)] }),
        ["4016"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2025-12-01"), D("2025-12-20"))] }),
        ["4017"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2025-11-10"), D("2025-11-28"))] }),
        ["4003"] = c => Open(c, e => e with { CinPlans = [new CensusCinPlan(Guid.NewGuid(), D("2026-02-01"), D("2026-03-01"))] }),
        ["4008"] = c => c with { DeathDate = D("2025-06-22") },
        ["4009Q"] = c => c with { DeathDate = D("2025-09-14") },

        ["2889"] = c => Open(c, e => Section47(e, s => s with { StartDate = D("2025-11-01") })),
        ["1104"] = c => Open(c, e => e with { ReferralDate = D("2025-11-27"), Assessments = [], CpPlans = [], Section47s = [e.Section47s[0] with { StartDate = D("2025-11-27") }] }),
        ["8615"] = c => Open(c, e => Section47(e, s => s with { StartDate = D("2025-11-27") })),
        ["8715"] = c => Open(c, e => e with { ReferralDate = D("2025-03-03"), Section47s = [new CensusSection47(Guid.NewGuid(), D("2025-03-10"), D("2025-03-31"), D("2025-03-28"), false)], CpPlans = [] }),
        ["8740"] = c => Open(c, e => e with { ReferralDate = D("2025-03-03"), Section47s = [new CensusSection47(Guid.NewGuid(), D("2025-03-10"), D("2025-03-31"), null, false)], CpPlans = [] }),
        ["8675Q"] = c => Open(c, e => Section47(e, s => s with { InitialConferenceDate = null }) with { CpPlans = [] }),
        ["8839"] = c => Open(c, e => e with { Section47s = [new CensusSection47(Guid.NewGuid(), D("2026-03-20"), null, null, false), new CensusSection47(Guid.NewGuid(), D("2026-03-23"), null, null, false)], CpPlans = [] }),
        ["8870Q"] = c => Open(c, e => Section47(e, s => s with { InitialConferenceTarget = D("2025-11-29") })),
        ["8875"] = c => Open(c, e => Section47(e, s => s with { InitialConferenceDate = D("2025-11-29") })),
        ["8890"] = c => Open(c, e => e with { Section47s = [.. e.Section47s, new CensusSection47(Guid.NewGuid(), D("2025-11-10"), D("2025-12-01"), D("2025-12-01"), false)] }),
        ["2884"] = c => Open(c, e => e with { InitialConferenceDate = D("2025-11-26") }),

        ["1105"] = c => Open(c, e => CpPlan(e, p => p with { StartDate = D("2025-11-01") })),
        ["8720"] = c => Open(c, e => CpPlan(e, p => p with { StartDate = D("2026-04-01"), Reviews = [] })),
        ["8840"] = c => Open(c, e => CpPlan(e, p => p with { EndDate = D("2025-11-26"), Reviews = [] })),
        ["8841"] = c => Open(c, e => CpPlan(e, p => p with { Reviews = [D("2025-11-26")] })),
        ["8905"] = c => Open(c, e => CpPlan(e, p => p with { InitialCategory = "ABC" })),
        ["8910"] = c => Open(c, e => CpPlan(e, p => p with { LatestCategory = null })),
        ["8915"] = c => c with { DeathDate = D("2025-11-25") },
        ["8920"] = c => Open(c, e => CpPlan(e, p => p with { EndDate = D("2026-03-02") })) with { DeathDate = D("2026-02-27") },
        ["8925"] = c => Open(c, e => CpPlan(e, p => p with { EndDate = D("2025-11-20"), Reviews = [] })),
        ["8930"] = c => Open(c, e => CpPlan(e, p => p with { EndDate = D("2026-04-02") })),
        ["8935"] = c => Open(c, e => e with { CpPlans = [.. e.CpPlans, new CensusCpPlan(Guid.NewGuid(), D("2026-01-05"), null, "NEG", "NEG", 1, [])] }),
        ["8940"] = c => Open(c, e => e with { CpPlans = [.. e.CpPlans, new CensusCpPlan(Guid.NewGuid(), D("2026-01-05"), D("2026-02-02"), "NEG", "NEG", 1, [])] }),
        ["2885"] = c => Open(c, e => CpPlan(e, p => p with { StartDate = D("2025-11-27") })),
        ["2883"] = c => Open(c, e => e with { Section47s = [], CpPlans = [e.CpPlans[0] with { StartDate = D("2025-11-26") }] }),
    };

    public static TheoryData<string> ChildRules => [.. Breaks.Keys];

    [Fact]
    public void ASoundChild_FailsNoRule()
    {
        Assert.Empty(Rules.Check(Sound()));
    }

    [Theory]
    [MemberData(nameof(ChildRules))]
    public void AChildWhoseRecordBreaksARule_FailsIt_NamingTheChildAndTheRecordToOpen(string code)
    {
        var sound = Sound();
        var broken = Breaks[code](sound);

        var failures = Rules.Check(broken).ToList();

        var failure = Assert.Single(failures, f => f.Rule.Code == code);
        Assert.Equal(sound.PersonId, failure.PersonId);
        Assert.Equal(broken.LocalId, failure.LocalId);
        Assert.Equal(CensusRules.Find(code).FixAt is FixAt.ChildDetails or FixAt.Return, failure.RecordId is null);
    }

    [Fact]
    public void Rule2884_AConferenceDate_AtAnotherEpisodesCinDetailsLevel_IsRecordedTwice_AsTheDfeComparesAcrossTheChild()
    {
        // The open episode's section 47 had its conference on 26 November 2025; the closed episode carries the same date.
        var across = Closed(Sound(), e => e with { InitialConferenceDate = D("2025-11-26") });
        var another = Closed(Sound(), e => e with { InitialConferenceDate = D("2025-11-27") });

        Assert.Contains(Rules.Check(across), f => f.Rule.Code == "2884");
        Assert.DoesNotContain(Rules.Check(another), f => f.Rule.Code == "2884");
    }

    /// <summary>The DfE's schema pattern for a UPN (CIN_schema_2026.xsd).</summary>
    private static readonly System.Text.RegularExpressions.Regex SchemaUpn = new("^[A-Za-z][0-9]{11}([0-9]|[A-Za-z])$");

    [Theory]
    [InlineData("986520011512A", "1510")] // a digit for the check letter (with a letter last, so no check letter is worked out)
    [InlineData("-865200115123", "1510")] // not a letter at all
    [InlineData("Y86A200115123", "1530")] // a letter among the council's number
    [InlineData("YABC200115123", "1530")]
    [InlineData("Y8652001151", "1540")] // too short
    [InlineData("Y8652001151234", "1540")] // too long
    [InlineData("Y865200115-23", "1540")]
    public void AUpnTheSchemaRefuses_FailsAUpnRule_SoItIsPutRightOnTheRecord_NotRefusedAsTheProductsFault(string upn, string rule)
    {
        Assert.DoesNotMatch(SchemaUpn, upn);

        Assert.Contains(Rules.Check(Sound() with { Upn = upn }), f => f.Rule.Code == rule);
    }

    [Fact]
    public void EveryUpnNoRuleFails_MatchesTheSchema()
    {
        var random = new Random(2026);
        const string characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
        var tried = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly near-valid UPNs (a real one with a character or two changed), so the rules' edges are reached.
            var upn = "Y865200115123".ToCharArray();
            for (var k = random.Next(1, 3); k > 0; k--)
            {
                upn[random.Next(upn.Length)] = characters[random.Next(characters.Length)];
            }

            var text = random.Next(10) == 0 ? new string(upn)[..random.Next(10, 13)] : new string(upn);
            if (!Rules.Check(Sound() with { Upn = text }).Any(f => f.Rule.Code is "1510" or "1530" or "1540" or "1550"))
            {
                tried++;
                Assert.Matches(SchemaUpn, text);
            }
        }

        Assert.True(tried > 100, $"only {tried} UPNs passed the rules");
    }

    [Fact]
    public void AYoungPersonOver25_IsQueried_OnlyWhenAnEpisodeWasOpenAfterTheir25thBirthday()
    {
        // Both episodes closed before the 25th birthday (10 November 2025): no query.
        var closedBefore = Sound() with { BirthDate = D("2000-11-10") };
        closedBefore = closedBefore with { Episodes = [closedBefore.Episodes[0], closedBefore.Episodes[1] with { ClosureDate = D("2025-11-07"), ClosureReason = "RC7", CpPlans = [] , Section47s = []}] };

        Assert.DoesNotContain(Rules.Check(closedBefore), f => f.Rule.Code == "8775Q");
        Assert.Contains(Rules.Check(closedBefore with { Episodes = [closedBefore.Episodes[0], closedBefore.Episodes[1] with { ClosureDate = D("2025-11-12") }] }), f => f.Rule.Code == "8775Q");
    }

    [Fact]
    public void EveryRuleChecked_HasAChildThatBreaksIt_OrIsAReturnWideRule()
    {
        var returnWide = new[] { "8510", "1520", "2886Q", "2887Q", "2888Q" };
        var untested = CensusRules.All.Select(r => r.Code).Except(Breaks.Keys).Except(returnWide).ToList();

        Assert.Empty(untested);
        Assert.True(CensusRules.All.Count >= 60, $"{CensusRules.All.Count} rules");
        Assert.Equal(CensusRules.All.Count, CensusRules.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void TwoChildrenWithTheSameLocalIdOrUpn_FailTheReturnWideRules_OnTheSecond()
    {
        var check = Rules.StartReturn();
        var first = Sound();
        var second = Sound();
        check.Add(first);
        check.Add(second);

        var failures = check.Finish();

        Assert.Contains(failures, f => f.Rule.Code == "8510" && f.PersonId == second.PersonId);
        Assert.Contains(failures, f => f.Rule.Code == "1520" && f.PersonId == second.PersonId);
        Assert.DoesNotContain(failures, f => f.PersonId == first.PersonId);
    }

    [Fact]
    public void TheReturnsProportions_AreQueried_WhenSexIsUnknownForMoreThanOneIn50_FewerThan8DisabilitiesAreUsed_OrNoChildHasTwo()
    {
        string[] codes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"];
        var check = Rules.StartReturn();
        for (var i = 0; i < 100; i++)
        {
            // 2 in 100 with sex unknown is not more than 2%; all eight codes used, one child with two.
            check.Add(Sound() with { LocalId = $"C{i}", Upn = null, Sex = i < 2 ? "U" : "F", Disabilities = i == 0 ? [codes[0], codes[1]] : [codes[i % 8]] });
        }

        Assert.Empty(check.Finish());

        var worse = Rules.StartReturn();
        for (var i = 0; i < 100; i++)
        {
            worse.Add(Sound() with { LocalId = $"C{i}", Upn = null, Sex = i < 3 ? "U" : "F", Disabilities = [codes[i % 7]] });
        }

        // An unborn child with sex U is not counted.
        worse.Add(Sound() with { LocalId = "C999", Upn = null, BirthDate = null, ExpectedBirthDate = D("2026-05-01"), Sex = "U" });

        Assert.Equal(["2886Q", "2887Q", "2888Q"], worse.Finish().Select(f => f.Rule.Code).Order().ToArray());
    }

    [Fact]
    public void AQuerysMessage_IsShownWithoutTheDfesOpeningWords()
    {
        Assert.Equal("Child is over 25 years old", CensusRules.Find("8775Q").PlainMessage);
        Assert.Equal("LA Child ID missing", CensusRules.Find("8500").PlainMessage);
    }

    [Theory]
    [InlineData("2025", 2025)]
    [InlineData("2025/26", 2025)]
    [InlineData("2026-27", 2026)]
    [InlineData("2025/27", null)]
    [InlineData("25/26", null)]
    [InlineData("1999", null)]
    [InlineData("soon", null)]
    [InlineData("", null)]
    public void ACollectionYear_IsReadFromItsStartYearOrBothYears(string text, int? start)
    {
        Assert.Equal(start is not null, CollectionYear.TryParse(text, out var year));
        if (start is { } s)
        {
            Assert.Equal(new DateOnly(s, 4, 1), year.Start);
            Assert.Equal(new DateOnly(s + 1, 3, 31), year.End);
            Assert.Equal(s + 1, year.EndYear);
        }
    }
}
