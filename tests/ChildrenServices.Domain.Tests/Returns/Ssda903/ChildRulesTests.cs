using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using static ChildrenServices.Domain.Tests.Returns.Ssda903.LacChildren;

namespace ChildrenServices.Domain.Tests.Returns.Ssda903;

/// <summary>
/// Each SSDA903 Header, UASC, Reviews, Missing, PrevPerm, SWEpisodes and DoLo rule checked: a child whose record breaks it
/// (the sound child of <see cref="LacChildren"/>, changed as little as the rule allows) fails it once, naming the record to
/// open, and the sound child fails none. The sound child: a girl of 13, not a mother, looked after since 3 June 2024; missing
/// 2–3 September 2025 from episode 2 (1 July to 1 December, U4); reviews in May and November (PN1); social worker SW12345 from
/// 3 June 2024 to 15 August 2025, then SW67890 (LEFTRL), open. The DoLo rules are checked from 2026/27 on a child a year on.
/// </summary>
public sealed class ChildRulesTests
{
    private static readonly CollectionYear Year2026 = new(2026);
    private static readonly Ssda903Rules Rules2026 = new(Year2026);

    /// <summary>Rule → how the sound child is changed to break it.</summary>
    internal static readonly Dictionary<string, Func<LacChild, LacChild>> Breaks = new(StringComparer.Ordinal)
    {
        // Header.
        ["101"] = c => c with { Sex = "X" },
        ["102"] = c => c with { BirthDate = null },
        ["103"] = c => c with { Ethnicity = "WXYZ" },
        ["168"] = c => c with { Upn = "UN6" },
        ["209"] = c => c with { Upn = "UN1" },
        ["210"] = c => c with { Upn = "UN4" },
        ["231"] = c => c with { Uasc = true, BirthDate = D("2016-01-01") },
        ["232"] = c => c with { Sex = "U" },
        ["301"] = c => c with { BirthDate = D("2026-04-02") },
        ["351"] = c => c with { BirthDate = D("2000-01-01") },
        ["442"] = c => c with { Upn = null },

        // Motherhood.
        ["174"] = c => c with { Sex = "M", FirstChildBorn = D("2025-10-01") },
        ["393"] = c => c with { IsMother = null },
        ["607"] = c => Ended(c with { IsMother = null }, "E4A"),
        ["611"] = c => c with { IsMother = true },
        ["612"] = c => c with { FirstChildBorn = D("2025-10-01") },
        ["620"] = c => c with { BirthDate = D("2015-01-01"), IsMother = true, FirstChildBorn = D("2025-10-01") },
        ["621"] = c => c with { IsMother = true, FirstChildBorn = D("2012-05-01") },
        ["625"] = c => c with { IsMother = true, FirstChildBorn = D("2026-04-15") },

        // UASC.
        ["303"] = c => c with { UascCeased = D("2025-10-01") },
        ["304"] = c => c with { Uasc = true, UascCeased = D("2030-06-01") },

        // Reviews.
        ["167"] = c => Review(c, r => r with { ParticipationCode = "PN9" }),
        ["399"] = c => c with { Episodes = [.. c.Episodes.Select(e => e with { LegalStatus = "V4" })] },
        ["440"] = c => Review(c, r => r with { ParticipationCode = "PN0" }),
        ["441"] = c => c with { BirthDate = D("2021-08-01") }, // 3 at the May review, 4 at November's

        // Missing.
        ["564"] = c => Missing(c, m => m with { Start = null }),
        ["565"] = c => Missing(c, m => m with { Type = null }),
        ["566"] = c => Missing(c, m => m with { Type = null }),
        ["567"] = c => Missing(c, m => m with { End = D("2025-09-01") }),
        ["570"] = c => Missing(c, m => m with { Start = D("2026-04-02"), End = null }),
        ["571"] = c => Missing(c, m => m with { End = D("2026-04-05") }),
        ["574"] = c => c with { Missing = [.. c.Missing, new LacMissing(Guid.NewGuid(), Period, "A", D("2025-09-02"), D("2025-09-05"))] },
        ["575"] = c => Missing(c, m => m with { End = null }),
        ["577"] = c => Missing(Ended(c, "E4A"), m => m with { Start = D("2026-02-10"), End = null }),
        ["578"] = c => Missing(Ended(c, "E4A"), m => m with { Start = D("2026-03-10"), End = D("2026-03-11") }),
        ["580"] = c => Missing(
            c with { BirthDate = D("2007-09-03"), Episodes = [c.Episodes[0], c.Episodes[1], c.Episodes[2] with { End = D("2025-09-03"), ReasonCeased = "E4A", ReasonPlaceChange = null }] },
            m => m with { End = D("2025-09-03") }),
        ["581"] = c => Missing(c, m => m with { Start = D("2024-05-01"), End = D("2024-05-02") }),
        ["586"] = c => Missing(c, m => m with { Start = D("2012-05-14"), End = D("2012-05-15") }),
        ["1004"] = c => Missing(c, m => m with { Start = null }),
        ["1006"] = c => Missing(c, m => m with { Type = "X" }),

        // PrevPerm.
        ["630"] = c => Episode(c, 2, e => e with { Rne = "S" }),
        ["631"] = c => c with { PreviousPermanence = SoundPermanence() with { Option = "P9" } },
        ["632"] = c => c with { PreviousPermanence = SoundPermanence() with { OrderDate = "zz/zz/2024" } },
        ["633"] = c => c with { PreviousPermanence = SoundPermanence() with { LocalAuthority = "123" } },
        ["634"] = c => c with { PreviousPermanence = SoundPermanence() with { PeriodStart = D("2015-06-01"), OrderDate = "01/01/2014" } },
        ["635"] = c => c with { PreviousPermanence = SoundPermanence() with { Option = "Z1", OrderDate = null } },

        // SWEpisodes.
        ["SW01aSTG1"] = c => Worker(c, 0, s => s with { SocialWorkerId = null, Start = D("2023-03-01") }),
        ["SW01bSTG1"] = c => Worker(c, 1, s => s with { Reason = null }),
        ["SW02STG1"] = c => Worker(c, 1, s => s with { SocialWorkerId = "AB67890" }),
        ["SW06STG2"] = c => Worker(c, 1, s => s with { Start = D("2026-04-05") }),
        ["SW07STG2"] = c => Worker(c, 1, s => s with { End = D("2026-04-10") }),
        ["SW08STG2"] = c => Worker(c, 0, s => s with { End = null }),
        ["SW09STG2"] = c => Worker(c, 1, s => s with { End = s.Start }),
        ["SW10STG2"] = c => Worker(c, 1, s => s with { Start = D("2025-09-01") }),
        ["SW11bSTG2"] = c => Worker(c, 1, s => s with { End = D("2026-03-28") }),
        ["SW12STG2"] = c => c with { SocialWorkerEpisodes = [c.SocialWorkerEpisodes[1]] },
        ["SW13STG1"] = c => Worker(c, 1, s => s with { Reason = "MOVED" }),
        ["SW15STG2"] = c => Worker(c, 1, s => s with { Reason = null }),
        ["SW17STG2"] = c => Worker(c, 1, s => s with { End = D("2026-02-01") }),
    };

    /// <summary>DoLo rule → how the sound 2026/27 child (with an order from 10 January 2027, in a children's home) is changed to break it.</summary>
    internal static readonly Dictionary<string, Func<LacChild, LacChild>> LibertyBreaks = new(StringComparer.Ordinal)
    {
        ["702"] = c => Order(c, o => o with { End = o.Start }),
        ["703"] = c => Order(c, o => o with { Start = D("2027-04-10") }),
        ["704"] = c => Order(c, o => o with { End = D("2027-04-05") }),
        ["705"] = c => c with { LibertyOrders = [new LacLibertyOrder(Guid.NewGuid(), Period, D("2026-12-05"), D("2027-01-20")), .. c.LibertyOrders] },
        ["707"] = c => Episode(c, 3, e => e with { End = D("2027-03-01"), ReasonCeased = "E4A" }),
        ["708"] = c => Order(c, o => o with { Start = c.BirthDate!.Value }),
        ["709"] = c => Order(c, o => o with { Start = D("2026-11-01") }),
        ["710"] = c => Episode(c, 3, e => e with { Place = "K1" }),
    };

    public static TheoryData<string> ChildRules => [.. Breaks.Keys];

    public static TheoryData<string> LibertyRules => [.. LibertyBreaks.Keys];

    [Fact]
    public void ASoundChild_FailsNoChildRule() => Assert.Empty(LacChildren.Rules.Check(Sound()));

    [Fact]
    public void AChildWhoStartedCareInTheYear_WithTheirPreviousPermanenceAndASocialWorkerFromThatDay_FailsNoChildRule()
    {
        // Looked after from 10 April 2025 (the sound child's episodes 1 to 3, the first now starting care).
        var c = Sound();
        var child = c with
        {
            Episodes = [c.Episodes[1] with { Start = D("2025-04-10"), Rne = "S" }, c.Episodes[2], c.Episodes[3]],
            PreviousPermanence = SoundPermanence() with { PeriodStart = D("2025-04-10") },
            SocialWorkerEpisodes = [c.SocialWorkerEpisodes[0] with { Start = D("2025-04-10") }, c.SocialWorkerEpisodes[1]],
        };

        Assert.Empty(ChildRulesFailed(child));
        Assert.Contains("630", Failed(child with { PreviousPermanence = null }));
    }

    [Fact]
    public void ASound2026Child_FailsNoRule() => Assert.Empty(Rules2026.Check(Sound2026()));

    [Theory, MemberData(nameof(ChildRules))]
    public void AChildWhoseRecordBreaksARule_FailsIt(string code)
    {
        var sound = Sound();
        var broken = Breaks[code](sound);

        var failure = Assert.Single(LacChildren.Rules.Check(broken), f => f.Rule.Code == code);

        AssertNames(broken, failure);
    }

    [Theory, MemberData(nameof(LibertyRules))]
    public void AChildWhoseLibertyOrderBreaksARule_FailsIt_From2026(string code)
    {
        var broken = LibertyBreaks[code](Sound2026());

        var failure = Assert.Single(Rules2026.Check(broken), f => f.Rule.Code == code);

        AssertNames(broken, failure);
        Assert.Contains(broken.LibertyOrders, o => o.Id == failure.RecordId);
    }

    [Fact]
    public void LibertyOrders_AreNotCheckedIn2025()
    {
        var child = Sound() with { LibertyOrders = [new LacLibertyOrder(Guid.NewGuid(), Period, D("2026-01-10"), D("2026-01-01"))] };

        Assert.DoesNotContain(Failed(child), code => LibertyBreaks.ContainsKey(code));
        Assert.Contains("702", Failed(Shift(child), Rules2026));
    }

    [Theory, MemberData(nameof(ChildRules))]
    public void EachRuleIsRegisteredOnce_WithItsDfeMessage(string code) => AssertRegistered(code);

    [Theory, MemberData(nameof(LibertyRules))]
    public void EachLibertyRuleIsRegisteredOnce_WithItsDfeMessage(string code) => AssertRegistered(code);

    [Theory]
    [InlineData("231"), InlineData("232"), InlineData("SW09STG2"), InlineData("709")]
    public void RulesWhoseMessageSaysTheDataAppearsWrong_AreQueries(string code) =>
        Assert.Equal(RuleSeverity.Query, Ssda903Rules.Find(code).Severity);

    [Fact]
    public void TheBreaksCoverAtLeastFortyFiveRules() => Assert.True(Breaks.Count + LibertyBreaks.Count >= 45, $"{Breaks.Count + LibertyBreaks.Count} rules");

    [Theory]
    [InlineData("Y865200115123", true)]
    [InlineData("UN5", true)]
    [InlineData("A865200115123", false)] // wrong check letter
    [InlineData("Y86520011512A", true)] // a temporary UPN: the check letter is not worked out
    [InlineData("I86520011512A", false)] // I, O and S are not check letters
    [InlineData("Y8652001151", false)]
    public void AUpn_IsThirteenCharactersWithItsCheckLetter_OrUN1ToUN5(string upn, bool valid) =>
        Assert.Equal(valid, !Failed(Sound() with { Upn = upn }).Contains("168"));

    [Theory]
    [InlineData("2020-08-31", true)] // 4 on 31 August 2024
    [InlineData("2020-09-01", false)]
    public void UN1_IsForAChildNotYetOfSchoolAge(string born, bool fails) =>
        Assert.Equal(fails, Failed(Sound() with { Upn = "UN1", BirthDate = D(born) }).Contains("209"));

    [Theory]
    [InlineData("2026-03-23", true)] // 8 days at 31 March
    [InlineData("2026-03-24", false)] // a week
    public void UN4_IsForAChildLookedAfterForAWeekOrLess(string started, bool fails)
    {
        var newcomer = Sound() with
        {
            Upn = "UN4",
            Episodes = [new LacEpisode(Guid.NewGuid(), Guid.NewGuid(), D(started), "S", "C1", "N1", "U6", "PR1", null, null, null, "SN1 2AB", "SN2 3CD", "SC123456")],
        };

        Assert.Equal(fails, Failed(newcomer).Contains("210"));
        Assert.DoesNotContain("210", Failed(Ended(Sound() with { Upn = "UN4" }, "E4A")));
    }

    [Theory]
    [InlineData("2015-03-31", false)] // 11 on 31 March 2026
    [InlineData("2015-04-01", true)]
    public void AUascChild_IsQueriedWhenUnder11At31March(string born, bool fails) =>
        Assert.Equal(fails, Failed(Sound() with { Uasc = true, BirthDate = D(born) }).Contains("231"));

    [Theory]
    [InlineData("2014-04-01", false)] // 11 on 1 April 2025
    [InlineData("2014-04-02", true)]
    public void AMother_IsAtLeast11AtTheStartOfTheYear(string born, bool fails) =>
        Assert.Equal(fails, Failed(Sound() with { BirthDate = D(born), IsMother = true, FirstChildBorn = D("2025-10-01") }).Contains("620"));

    [Fact]
    public void TheFirstChild_IsBornBeforeTheMotherCeasedToBeLookedAfter_NotBeforeSheLastMoved()
    {
        var mother = Sound() with { IsMother = true };
        Assert.DoesNotContain("625", Failed(mother with { FirstChildBorn = D("2026-03-02") }));

        var left = Ended(mother, "E4A");
        Assert.Contains("625", Failed(left with { FirstChildBorn = D("2026-03-02") }));
        Assert.DoesNotContain("625", Failed(left with { FirstChildBorn = D("2026-03-01") }));
    }

    [Fact]
    public void AMotherIsAsked_OfAGirlLookedAfter_NotOfABoyNorAGirlOnShortBreaksOnly()
    {
        Assert.DoesNotContain("393", Failed(Sound() with { IsMother = null, Sex = "M" }));
        var shortBreaks = Sound() with { IsMother = null, Reviews = [], Episodes = [.. Sound().Episodes.Select(e => e with { LegalStatus = "V3" })] };
        Assert.DoesNotContain("393", Failed(shortBreaks));
        Assert.DoesNotContain("399", Failed(shortBreaks));
        Assert.Contains("399", Failed(shortBreaks with { IsMother = false }));
    }

    [Theory]
    [InlineData("PN0", "2021-11-12", false)] // 4 on the day of the review
    [InlineData("PN0", "2021-11-11", true)]
    [InlineData("PN1", "2021-11-12", false)]
    [InlineData("PN1", "2021-11-13", true)]
    public void ParticipationPN0_IsForAChildUnder4AtTheReview(string code, string born, bool fails)
    {
        // The November review, 12 November 2025.
        var child = Review(Sound() with { BirthDate = D(born) }, r => r with { ParticipationCode = code }, 1);
        var failed = LacChildren.Rules.Check(child).Where(f => f.Rule.Code is "440" or "441").ToList();

        Assert.Equal(fails, failed.Any(f => f.RecordId == child.Reviews[1].Id));
    }

    [Fact]
    public void AChildStillMissing_FromAPlacementThatGoesOnUnderANewLegalStatus_IsNotFailed575()
    {
        // Missing since 2 September 2025 from the U4 placement (episode 2), still missing at 31 March.
        var child = Missing(Sound(), m => m with { End = null });
        Assert.Contains("575", Failed(child)); // she moved to the children's home on 1 December

        // The episode of 1 December changes her legal status only: the placement has not ended.
        Assert.DoesNotContain("575", Failed(Episode(child, 3, e => e with { Rne = "L", Place = "U4", PlacementPostcode = "SN3 4EF" })));
        Assert.DoesNotContain("575", Failed(Missing(Sound(), m => m with { Start = D("2025-12-20"), End = null })));
    }

    [Fact]
    public void AMissingPeriodOutsideCare_IsBeforeCare581_OrAfterIt578()
    {
        Assert.Equal(["581"], MissingCareRules(Missing(Sound(), m => m with { Start = D("2024-05-01"), End = D("2024-05-02") })));
        Assert.Equal(["578"], MissingCareRules(Missing(Ended(Sound(), "E4A"), m => m with { Start = D("2026-03-10"), End = D("2026-03-11") })));
        Assert.Empty(MissingCareRules(Missing(Ended(Sound(), "E4A"), m => m with { Start = D("2026-03-01"), End = D("2026-03-01") })));
    }

    [Theory]
    [InlineData("14/03/2019", false)]
    [InlineData("zz/05/2024", false)] // 31 May 2024 at the latest, before care began on 3 June
    [InlineData("zz/06/2024", true)] // perhaps after
    [InlineData("03/06/2024", true)] // the day care began
    [InlineData("ZZ/ZZ/2023", false)]
    [InlineData("zz/zz/zzzz", false)]
    [InlineData("31/02/2020", true)] // no such day
    [InlineData("2020-01-01", true)]
    public void TheDateOfAPreviousPermanenceOrder_MayBeKnownInPart_AndIsBeforeCareBegan(string date, bool fails) =>
        Assert.Equal(fails, Failed(Sound() with { PreviousPermanence = SoundPermanence() with { OrderDate = date } }).Contains("632"));

    [Theory]
    [InlineData("P4", "999", true, false)]
    [InlineData("P4", null, true, true)] // the validator wants a council for every option but Z1
    [InlineData("Z1", null, false, false)]
    public void AChildStartingCareInTheYear_HasAPreviousPermanenceAnswer(string option, string? council, bool dated, bool fails)
    {
        var child = Episode(Sound(), 2, e => e with { Rne = "S" }) with
        {
            PreviousPermanence = new LacPreviousPermanence(Period, D("2025-07-01"), option, council, dated ? "zz/zz/zzzz" : null),
        };

        Assert.Equal(fails, Failed(child).Contains("630"));
    }

    [Theory]
    [InlineData("2025-08-22", "LEFTRL", false)] // 7 days after the last ended
    [InlineData("2025-08-08", "LEFTRL", false)] // 7 days before
    [InlineData("2025-08-23", "LEFTRL", true)]
    [InlineData("2025-10-01", "FCONTA", false)] // a first contact or re-referral may come after a gap
    public void ASocialWorkerEpisode_StartsWithinAWeekOfThePreviousEnd(string started, string reason, bool fails) =>
        Assert.Equal(fails, Failed(Worker(Sound(), 1, s => s with { Start = D(started), Reason = reason })).Contains("SW10STG2"));

    [Theory]
    [InlineData("2026-03-26", true)]
    [InlineData("2026-03-25", false)]
    public void ASocialWorkerEpisodeEndingInTheLastFiveDays_IsFollowedByAnother(string ended, bool fails)
    {
        var child = Worker(Sound(), 1, s => s with { End = D(ended) });

        Assert.Equal(fails, Failed(child).Contains("SW11bSTG2"));
        Assert.Contains("SW17STG2", Failed(child));
        Assert.DoesNotContain("SW11bSTG2", Failed(child with { SocialWorkerEpisodes = [.. child.SocialWorkerEpisodes, new LacSocialWorkerEpisode(Guid.NewGuid(), "SW24680", D("2026-03-30"), null, "LEFTRL")] }));
    }

    [Fact]
    public void SocialWorkersCover_1April_OrTheStartOfCareIfLater()
    {
        // Care began on 10 October 2025 with a social worker from that day: nothing before is asked for.
        var started = new LacEpisode(Guid.NewGuid(), Guid.NewGuid(), D("2025-10-10"), "S", "V2", "N1", "U6", "PR1", null, null, null, "SN1 2AB", "SN2 3CD", "SC123456");
        var worker = new LacSocialWorkerEpisode(Guid.NewGuid(), "SW12345", D("2025-10-10"), null, "FCONTA");
        var child = Sound() with { Episodes = [started], SocialWorkerEpisodes = [worker], Missing = [], Reviews = [] };

        Assert.DoesNotContain("SW12STG2", Failed(child));
        Assert.Contains("SW12STG2", Failed(child with { SocialWorkerEpisodes = [worker with { Start = D("2025-10-11") }] }));
        Assert.Contains("SW12STG2", Failed(child with { SocialWorkerEpisodes = [] }));
        Assert.DoesNotContain("SW12STG2", Failed(Ended(Sound() with { SocialWorkerEpisodes = [] }, "E4A")));
    }

    [Fact]
    public void AWorkerWithoutANumber_IsPutRightOnTheWorker_OnceForTheChild()
    {
        var child = Sound() with { SocialWorkerEpisodes = [.. Sound().SocialWorkerEpisodes.Select(s => s with { SocialWorkerId = "12345" })] };

        var failure = Assert.Single(LacChildren.Rules.Check(child), f => f.Rule.Code == "SW02STG1");
        Assert.Null(failure.RecordId);
        Assert.Equal(FixAt.StaffDetails, failure.Rule.FixAt);
    }

    [Fact]
    public void AnOrderInAForbiddenPlacement_IsNotAlsoQueriedAsUnexpected()
    {
        var codes = Failed(LibertyBreaks["710"](Sound2026()), Rules2026);

        Assert.Contains("710", codes);
        Assert.DoesNotContain("709", codes);
    }

    [Fact]
    public void AnOrderEndingTheDayItBegan_Fails702_AsTheValidatorReadsIt()
    {
        Assert.Contains("702", Failed(Order(Sound2026(), o => o with { End = o.Start }), Rules2026));
        Assert.DoesNotContain("702", Failed(Order(Sound2026(), o => o with { End = o.Start.AddDays(1) }), Rules2026));
    }

    private static void AssertNames(LacChild broken, CensusFailure failure)
    {
        Assert.Equal(broken.PersonId, failure.PersonId);
        Assert.Equal(broken.LocalId, failure.LocalId);
        Assert.Equal(failure.Rule.FixAt is FixAt.ChildDetails or FixAt.Motherhood or FixAt.Uasc or FixAt.StaffDetails, failure.RecordId is null);
        if (failure.RecordId is { } record)
        {
            Assert.Contains(record, RecordsOf(broken, failure.Rule.FixAt));
        }
    }

    private static void AssertRegistered(string code)
    {
        var rule = Assert.Single(Ssda903Rules.All, r => r.Code == code);

        Assert.False(string.IsNullOrWhiteSpace(rule.Message));
        Assert.DoesNotContain("' + '", rule.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("chr(39)", rule.Message, StringComparison.Ordinal);
        Assert.Equal(rule.Message.Trim(), rule.Message);
    }

    /// <summary>The records a failure fixed at <paramref name="fixAt"/> may name.</summary>
    private static IEnumerable<Guid> RecordsOf(LacChild child, FixAt fixAt) => fixAt switch
    {
        FixAt.LookedAfter => child.Episodes.Select(e => e.Id).Concat(child.Episodes.Select(e => e.PeriodId)).Concat(child.LibertyOrders.Select(o => o.Id)),
        FixAt.LookedAfterReview => child.Reviews.Select(r => r.Id),
        FixAt.Missing => child.Missing.Select(m => m.Id),
        FixAt.Allocation => child.SocialWorkerEpisodes.Select(s => s.Id),
        _ => [],
    };

    /// <summary>The codes of this file's rules a child fails (the Episodes rules are another test's).</summary>
    private static IReadOnlyList<string> ChildRulesFailed(LacChild child) => [.. Failed(child).Where(Breaks.ContainsKey)];

    private static IReadOnlyList<string> MissingCareRules(LacChild child) => [.. Failed(child).Where(c => c is "578" or "581")];

    /// <summary>A previous permanence answer that is sound for the sound child: adopted in March 2019, arranged by council 800.</summary>
    private static LacPreviousPermanence SoundPermanence() => new(Period, D("2024-06-03"), "P1", "800", "14/03/2019");

    /// <summary>The sound child's last episode ended on 1 March 2026 for <paramref name="reason"/>.</summary>
    private static LacChild Ended(LacChild c, string reason) =>
        Episode(c, 3, e => e with { End = D("2026-03-01"), ReasonCeased = reason });

    private static LacChild Review(LacChild c, Func<LacReview, LacReview> change, int index = 0) =>
        c with { Reviews = [.. c.Reviews.Select((r, i) => i == index ? change(r) : r)] };

    private static LacChild Missing(LacChild c, Func<LacMissing, LacMissing> change) =>
        c with { Missing = [change(c.Missing[0]), .. c.Missing.Skip(1)] };

    private static LacChild Worker(LacChild c, int index, Func<LacSocialWorkerEpisode, LacSocialWorkerEpisode> change) =>
        c with { SocialWorkerEpisodes = [.. c.SocialWorkerEpisodes.Select((s, i) => i == index ? change(s) : s)] };

    private static LacChild Order(LacChild c, Func<LacLibertyOrder, LacLibertyOrder> change) =>
        c with { LibertyOrders = [change(c.LibertyOrders[0]), .. c.LibertyOrders.Skip(1)] };

    /// <summary>
    /// The sound child a year on, for 2026/27: every date a year later, and a deprivation of liberty order from 10 January
    /// 2027, open at 31 March, while she is in the children's home (K2) she moved to on 1 December 2026.
    /// </summary>
    private static LacChild Sound2026()
    {
        var c = Shift(Sound());
        return c with { LibertyOrders = [new LacLibertyOrder(Guid.NewGuid(), Period, D("2027-01-10"), null)] };
    }

    private static LacChild Shift(LacChild c) => c with
    {
        BirthDate = c.BirthDate?.AddYears(1),
        FirstChildBorn = c.FirstChildBorn?.AddYears(1),
        UascCeased = c.UascCeased?.AddYears(1),
        Episodes = [.. c.Episodes.Select(e => e with { Start = e.Start.AddYears(1), End = e.End?.AddYears(1) })],
        Reviews = [.. c.Reviews.Select(r => r with { Date = r.Date.AddYears(1) })],
        Missing = [.. c.Missing.Select(m => m with { Start = m.Start?.AddYears(1), End = m.End?.AddYears(1) })],
        PreviousPermanence = c.PreviousPermanence is { } p ? p with { PeriodStart = p.PeriodStart.AddYears(1) } : null,
        SocialWorkerEpisodes = [.. c.SocialWorkerEpisodes.Select(s => s with { Start = s.Start.AddYears(1), End = s.End?.AddYears(1) })],
        LibertyOrders = [.. c.LibertyOrders.Select(o => o with { Start = o.Start.AddYears(1), End = o.End?.AddYears(1) })],
    };
}
