using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Domain.Returns.Ssda903;
using static ChildrenServices.Domain.Tests.Returns.Ssda903.LacChildren;

namespace ChildrenServices.Domain.Tests.Returns.Ssda903;

/// <summary>
/// Each SSDA903 Episodes rule checked: a child whose episodes break it (the sound child of <see cref="LacChildren"/>, changed
/// as little as the rule allows) fails it once, naming the episode, and the sound child fails none. The sound child's
/// episodes: 0, before the year (3 June 2024 to 10 January 2025, C1 U6); 1, 10 January to 1 July 2025 (L, C2 U6); 2, 1 July to
/// 1 December (P, C2 U4); 3, from 1 December, open at 31 March (P, C2 K2). She is 13 all year.
/// </summary>
public sealed class EpisodeRulesTests
{
    /// <summary>Rule → how the sound child is changed to break it.</summary>
    internal static readonly Dictionary<string, Func<LacChild, LacChild>> Breaks = new(StringComparer.Ordinal)
    {
        // Codes.
        ["143"] = c => Episode(c, 3, e => e with { Rne = "Z" }),
        ["144"] = c => Episode(c, 3, e => e with { LegalStatus = "C9" }),
        ["145"] = c => Episode(c, 3, e => e with { CategoryOfNeed = "N9" }),
        ["146"] = c => Episode(c, 3, e => e with { Place = "H5" }),
        ["149"] = c => Episode(c, 2, e => e with { ReasonCeased = "E99" }),
        ["178"] = c => Episode(c, 3, e => e with { Provider = "PR9" }),
        ["1009"] = c => Episode(c, 2, e => e with { ReasonPlaceChange = "MOVED" }),

        // Provider, location and URN.
        ["213"] = c => Episode(c, 3, e => e with { Place = "T3", Urn = null }),
        ["526"] = c => Episode(c, 3, e => e with { Provider = null }),
        ["527"] = c => Episode(c, 3, e => e with { Place = "R2", Provider = "PR1", Urn = null }),
        ["528"] = c => Episode(c, 3, e => e with { Place = "R5", Provider = "PR2", Urn = null }),
        ["529"] = c => Episode(c, 3, e => e with { Provider = "PR3" }),
        ["530"] = c => Episode(c, 3, e => e with { Place = "P1", Provider = "PR4", Urn = null }),
        ["531"] = c => Episode(c, 3, e => e with { Place = "P1", Provider = "PR5", Urn = null }),
        ["550"] = c => Episode(c, 3, e => e with { Provider = "PR0" }),
        ["214"] = c => Episode(c, 3, e => e with { LegalStatus = "V4", HomePostcode = null }),
        ["218"] = c => Episode(c, 3, e => e with { Urn = null }),
        ["222"] = c => Episode(c, 3, e => e with { Place = "R1" }),
        ["392b"] = c => Episode(c, 3, e => e with { PlacementPostcode = null }),
        ["392c"] = c => Episode(c, 3, e => e with { PlacementPostcode = "NOT A CODE" }),
        ["392d"] = c => Episode(c, 3, e => e with { PlacementPostcode = "SN1 2AB" }),
        ["398"] = c => Episode(c, 3, e => e with { LegalStatus = "V4", PlacementPostcode = null, Urn = null }),

        // Dates and the chain of episodes.
        ["142"] = c => Episode(c, 2, e => e with { End = null, ReasonCeased = null, ReasonPlaceChange = null }),
        ["148"] = c => Episode(c, 3, e => e with { ReasonCeased = "E4A" }),
        ["353"] = c => Episode(c, 1, e => e with { Start = D("1991-10-13") }),
        ["355"] = c => Episode(c, 2, e => e with { End = e.Start }),
        ["356"] = c => Episode(c, 2, e => e with { End = D("2025-06-30") }),
        ["385"] = c => Episode(c, 3, e => e with { End = D("2026-04-10"), ReasonCeased = "E4A" }),
        ["357"] = c => c with { Episodes = [.. c.Episodes.Skip(1)] },
        ["388"] = c => Episode(c, 3, e => e with { End = D("2026-03-01"), ReasonCeased = "X1" }),
        ["431"] = c => Episode(c, 3, e => e with { Rne = "S" }),
        ["432"] = c => Episode(c, 2, e => e with { ReasonCeased = "E4A", ReasonPlaceChange = null }),
        ["433"] = c => Episode(c, 3, e => e with { Start = D("2025-12-02") }),
        ["434"] = c => Episode(c, 1, e => e with { LegalStatus = "C1" }),
        ["435"] = c => Episode(c, 3, e => e with { LegalStatus = "C1" }),
        ["436"] = c => Episode(c, 3, e => e with { Rne = "B" }),
        ["437"] = c => Episode(c, 2, e => e with { ReasonCeased = "E2", ReasonPlaceChange = null }),
        ["501"] = c => Episode(c, 3, e => e with { Start = D("2025-11-30") }),
        ["504"] = c => Episode(c, 3, e => e with { CategoryOfNeed = "N2" }),
        ["199"] = c => Episode(c, 0, e => e with { ReasonCeased = "E11", Place = "A4" }),

        // Reason for placement change.
        ["225"] = c => Episode(c, 2, e => e with { ReasonPlaceChange = null }),
        ["226"] = c => Episode(c, 3, e => e with { Place = "T3", Provider = null, Urn = null }),
        ["233"] = c => Episode(c, 3, e => e with { ReasonPlaceChange = "CARPL" }),
        ["234"] = c => Episode(c with { BirthDate = D("2017-01-01") }, 2, e => e with { ReasonPlaceChange = "CUSTOD" }),

        // The child's age.
        ["302"] = c => c with { BirthDate = D("2025-02-01") },
        ["352"] = c => Episode(c with { BirthDate = D("2007-01-01") }, 3, e => e with { Rne = "S" }),
        ["358"] = c => Episode(c with { BirthDate = D("2016-06-01") }, 3, e => e with { LegalStatus = "J1" }),
        ["359"] = c => c with { BirthDate = D("2008-01-01") },
        ["371"] = c => Episode(c, 3, e => e with { Place = "K3" }),
        ["372"] = c => Episode(c with { BirthDate = D("2016-06-01") }, 3, e => e with { Place = "R5", Urn = null }),
        ["373"] = c => Episode(c with { BirthDate = D("2022-06-01") }, 3, e => e with { Place = "S1" }),
        ["374"] = c => Episode(c, 3, e => e with { Place = "P3", Urn = null }),
        ["386"] = c => Ended(c with { BirthDate = D("2008-01-01") }, "E11", e => e with { Place = "A4" }),
        ["387"] = c => Ended(c, "E5"),
        ["389"] = c => Ended(c, "E7"),
        ["407"] = c => Ended(c with { BirthDate = D("2008-01-01") }, "E47"),
        ["460"] = c => Ended(c, "E17"),

        // Legal status.
        ["361"] = c => Episode(c, 3, e => e with { LegalStatus = "L1" }),
        ["362"] = c => Episode(c, 3, e => e with { LegalStatus = "L2" }),
        ["363"] = c => Episode(c, 3, e => e with { LegalStatus = "L3" }),
        ["364"] = c => Episode(c, 3, e => e with { LegalStatus = "J2" }),
        ["378"] = c => Episode(c, 3, e => e with { LegalStatus = "V2", Place = "P1", Provider = "PR0", Urn = null }),
        ["408"] = c => Episode(c, 3, e => e with { Place = "A6" }),
        ["446"] = c => Episode(c, 1, e => e with { Start = D("2005-11-30"), LegalStatus = "E1" }),

        // Short breaks.
        ["365"] = c => Episode(c, 3, e => e with { LegalStatus = "V3" }),
        ["366"] = c => Episode(c, 3, e => e with { LegalStatus = "V3" }),
        ["367"] = c => Episode(c, 3, e => e with { LegalStatus = "V3" }),
        ["382"] = c => Episode(c, 3, e => e with { LegalStatus = "V4", Place = "T0", Provider = null, Urn = null }),
        ["384"] = c => Episode(c, 3, e => e with { LegalStatus = "V4", Place = "U4" }),
        ["426"] = c => Episode(Episode(c, 2, e => e with { LegalStatus = "V3" }), 3, e => e with { LegalStatus = "V4" }),

        // Temporary placements.
        ["375"] = c => Episode(c, 3, e => e with { Place = "T1", Provider = null, Urn = null }),
        ["376"] = c => Episode(c, 3, e => e with { Place = "T3", Provider = null, Urn = null }),
        ["377"] = c => c with { Episodes = [.. c.Episodes, Temporary("2025-08-01"), Temporary("2025-09-01"), Temporary("2025-10-01")] },
        ["379"] = c => Episode(c, 3, e => e with { Place = "T4", Provider = null, Urn = null }),
        ["380"] = c => Episode(c, 3, e => e with { Rne = "T", Place = "T0", Provider = null, Urn = null }),
        ["381"] = c => Episode(c, 3, e => e with { Place = "T0", Provider = null, Urn = null, End = D("2025-12-05"), ReasonCeased = "E4A" }),
        ["383"] = c => Episode(c, 2, e => e with { Place = "T0", Provider = null, Urn = null, ReasonPlaceChange = null }),

        // Adoption and special guardianship.
        ["217"] = c => Episode(c, 2, e => e with { Place = "A5", LegalStatus = "E1" }),
        ["336"] = c => Episode(Episode(c, 2, e => e with { Place = "K2" }), 3, e => e with { Place = "A3", Rne = "T" }),
        ["390"] = c => Ended(c, "E11"),
        ["516"] = c => Ended(c, "E46"),
    };

    public static TheoryData<string> Rules => [.. Breaks.Keys];

    [Fact]
    public void ASoundChild_FailsNoEpisodeRule() =>
        Assert.Empty(EpisodeRulesFailed(Sound()));

    [Theory, MemberData(nameof(Rules))]
    public void AnEpisodeThatBreaksARule_FailsIt_NamingTheEpisode(string code)
    {
        var child = Breaks[code](Sound());

        var failure = Assert.Single(LacChildren.Rules.Check(child), f => f.Rule.Code == code);

        Assert.Equal(child.PersonId, failure.PersonId);
        Assert.Equal(child.LocalId, failure.LocalId);
        Assert.Contains(child.Episodes, e => e.Id == failure.RecordId);
        Assert.Equal(FixAt.LookedAfter, failure.Rule.FixAt);
    }

    [Theory, MemberData(nameof(Rules))]
    public void EachRuleIsRegisteredOnce_WithItsDfeMessage(string code)
    {
        var rule = Ssda903Rules.Find(code);

        Assert.False(string.IsNullOrWhiteSpace(rule.Message));
        Assert.DoesNotContain("' + '", rule.Message, StringComparison.Ordinal);
        Assert.Equal(rule.Message.Trim(), rule.Message);
    }

    [Theory]
    [InlineData("355"), InlineData("392b")]
    public void RulesWhoseMessageSaysTheDataAppearsWrong_AreQueries(string code) =>
        Assert.Equal(RuleSeverity.Query, Ssda903Rules.Find(code).Severity);

    [Fact]
    public void TheBreaksCoverAtLeastFiftyRules() => Assert.True(Breaks.Count >= 50, $"{Breaks.Count} rules");

    [Fact]
    public void EpisodesInAnyOrder_AreTakenInStartOrder() =>
        Assert.Empty(EpisodeRulesFailed(Sound() with { Episodes = [.. Sound().Episodes.Reverse()] }));

    [Fact]
    public void AnEpisodeBeforeTheYear_IsNotInTheFile_AndFailsNothing()
    {
        // Episode 0 ended on 10 January 2025: a wrong reason for new episode, or no home postcode, is not in this year's file.
        var child = Episode(Sound(), 0, e => e with { Rne = "Z", HomePostcode = null });

        Assert.Empty(EpisodeRulesFailed(child));
    }

    [Fact]
    public void AnEpisodeEndingOnTheFirstDayOfTheYear_IsInTheFile() =>
        Assert.Contains("146", Failed(Episode(Episode(Sound(), 0, e => e with { End = D("2025-04-01"), Place = "H5" }), 1, e => e with { Start = D("2025-04-01") })));

    [Fact]
    public void AnEpisodeLastingADay_IsNotQueried_ButOneEndingTheDayItBegan_Is()
    {
        var nextDay = Episode(Episode(Sound(), 2, e => e with { End = D("2025-07-02") }), 3, e => e with { Start = D("2025-07-02") });
        var sameDay = Episode(Episode(Sound(), 2, e => e with { End = D("2025-07-01") }), 3, e => e with { Start = D("2025-07-01") });

        Assert.DoesNotContain("355", Failed(nextDay));
        Assert.Contains("355", Failed(sameDay));
        Assert.Equal(RuleSeverity.Query, Assert.Single(LacChildren.Rules.Check(sameDay), f => f.Rule.Code == "355").Rule.Severity);
    }

    [Theory]
    [InlineData("2025-12-04", false)] // 3 days: 72 hours
    [InlineData("2025-12-05", true)]
    public void PoliceProtection_MayLastThreeDays(string ended, bool fails)
    {
        var child = Episode(Sound(), 3, e => e with { LegalStatus = "L1", End = D(ended), ReasonCeased = "E4A" });

        Assert.Equal(fails, Failed(child).Contains("361"));
    }

    [Fact]
    public void PoliceProtection_IsMeasuredAcrossEpisodesThatFollowOnTheSameDay()
    {
        // Two days in one placement, two in the next, under the same police protection: four days.
        var child = Episode(
            Episode(Sound(), 2, e => e with { End = D("2025-07-03") }),
            3,
            e => e with { Start = D("2025-07-03"), LegalStatus = "L1", End = D("2025-07-05"), ReasonCeased = "E4A" });
        child = Episode(child, 2, e => e with { LegalStatus = "L1" });

        Assert.Equal(2, LacChildren.Rules.Check(child).Count(f => f.Rule.Code == "361"));
    }

    [Theory]
    [InlineData("2025-12-18", false)] // 17 days
    [InlineData("2025-12-19", true)]
    public void AShortBreak_MayLastSeventeenDays(string ended, bool fails)
    {
        var child = Episode(Sound(), 3, e => e with { LegalStatus = "V3", End = D(ended), ReasonCeased = "E8" });

        Assert.Equal(fails, Failed(child).Contains("365"));
    }

    [Theory]
    [InlineData(5, false)] // 5 breaks of 15 days: 75
    [InlineData(6, true)]
    public void ShortBreaks_MayAddUpToSeventyFiveDaysInTwelveMonths_LookingBackBeforeTheYear(int breaks, bool fails)
    {
        // Breaks of 15 days every month from January 2025, so the first three are before the year.
        var child = Sound() with
        {
            Episodes = [.. Enumerable.Range(0, breaks).Select(m => ShortBreak(new DateOnly(2025, 1, 1).AddMonths(m), 15))],
        };

        Assert.Equal(fails, Failed(child).Contains("367"));
        Assert.DoesNotContain("365", Failed(child));
    }

    [Theory]
    [InlineData("2025-01-10", true)] // three starts within 12 months
    [InlineData("2024-09-30", false)] // the first more than 12 months before the third
    public void OnlyTwoFosterCarerHolidays_InTwelveMonths(string first, bool fails)
    {
        var child = Sound() with
        {
            Episodes = [Temporary(first), Temporary("2025-06-01"), Temporary("2025-10-01")],
        };

        Assert.Equal(fails, LacChildren.Rules.Check(child).Any(f => f.Rule.Code == "377" && f.RecordId == child.Episodes[2].Id));
        Assert.Equal(fails ? 1 : 0, LacChildren.Rules.Check(child).Count(f => f.Rule.Code == "377"));
    }

    [Theory]
    [InlineData("2015-12-01", false)] // 10 on the day the remand began
    [InlineData("2015-12-02", true)]
    public void AYouthJusticeStatus_IsNotForAChildUnderTen(string born, bool fails)
    {
        var child = Episode(Sound() with { BirthDate = D(born) }, 3, e => e with { LegalStatus = "J1" });

        Assert.Equal(fails, Failed(child).Contains("358"));
    }

    [Theory]
    [InlineData("2008-03-31", false)] // 18 on 31 March: not yet looked after following the birthday
    [InlineData("2008-03-30", true)]
    public void AYoungPersonLookedAfterAfterTheir18thBirthday_IsInACommunityHomeUnderSection20(string born, bool fails)
    {
        var child = Sound() with { BirthDate = D(born) };

        Assert.Equal(fails, Failed(child).Contains("359"));
        Assert.DoesNotContain("359", Failed(Episode(child, 3, e => e with { LegalStatus = "V2" })));
    }

    [Fact]
    public void AgeRules_AreSkippedWithoutADateOfBirth() =>
        Assert.Empty(EpisodeRulesFailed(Episode(Sound() with { BirthDate = null }, 3, e => e with { Place = "K3" })));

    [Fact]
    public void AFormerUascChild_IsNotQueriedForAMissingHomePostcode() =>
        Assert.DoesNotContain("392b", Failed(Episode(Sound() with { Uasc = true }, 3, e => e with { HomePostcode = null })));

    [Fact]
    public void TheFirstEpisodeEver_MayBeBeforeTheYear_AndStillStartsWithS()
    {
        Assert.Contains("357", Failed(Episode(Sound(), 0, e => e with { Start = D("2025-01-01"), End = null, ReasonCeased = null, Rne = "P" })));
        Assert.DoesNotContain("357", Failed(Episode(Sound(), 0, e => e with { Rne = "P" })));
    }

    [Fact]
    public void TheLastEpisode_CannotEndX1()
    {
        var child = Episode(Sound(), 3, e => e with { End = D("2026-03-31"), ReasonCeased = "X1" });

        Assert.Equal(child.Episodes[3].Id, Assert.Single(LacChildren.Rules.Check(child), f => f.Rule.Code == "388").RecordId);
    }

    [Fact]
    public void AMoveIntoAndBackFromATemporaryPlacement_NeedsNoReason_AndReturnsToTheUsualPlacement()
    {
        // Foster carers' holiday in the summer: U4 → T3 for a week → back to U4 at the same address.
        var c = Sound();
        var holiday = new LacEpisode(Guid.NewGuid(), Period, D("2025-08-01"), "P", "C2", "N1", "T3", null, D("2025-08-08"), "X1", null, "SN1 2AB", "SN9 9ZZ", null);
        var back = c.Episodes[2] with { Id = Guid.NewGuid(), Start = D("2025-08-08") };
        var child = c with
        {
            Episodes = [c.Episodes[0], c.Episodes[1], c.Episodes[2] with { End = D("2025-08-01"), ReasonPlaceChange = null }, holiday, back, c.Episodes[3]],
        };

        Assert.Empty(EpisodeRulesFailed(child));
        Assert.Contains("383", Failed(c with { Episodes = [.. child.Episodes.Select(e => e.Id == back.Id ? e with { PlacementPostcode = "SN8 8YY" } : e)] }));
    }

    /// <summary>The codes of the Episodes rules a child fails (the Header rules are another test's).</summary>
    private static IReadOnlyList<string> EpisodeRulesFailed(LacChild child) => [.. Failed(child).Where(Breaks.ContainsKey)];

    /// <summary>The sound child's last episode ended on 1 March 2026 for <paramref name="reason"/>.</summary>
    private static LacChild Ended(LacChild c, string reason, Func<LacEpisode, LacEpisode>? change = null) =>
        Episode(c, 3, e => (change ?? (x => x))(e with { End = D("2026-03-01"), ReasonCeased = reason }));

    /// <summary>A week in a temporary placement while the foster carers are on holiday (T3), a period of its own for the rule tests.</summary>
    private static LacEpisode Temporary(string start) =>
        new(Guid.NewGuid(), Guid.NewGuid(), D(start), "P", "C2", "N1", "T3", null, D(start).AddDays(7), "X1", null, "SN1 2AB", "SN9 9ZZ", null);

    /// <summary>An individual short break (V3) of <paramref name="days"/> days, a period of care of its own.</summary>
    private static LacEpisode ShortBreak(DateOnly start, int days) =>
        new(Guid.NewGuid(), Guid.NewGuid(), start, "S", "V3", "N2", "U6", "PR1", start.AddDays(days), "E8", null, null, null, null);
}
