using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Ssda903;
using static ChildrenServices.Domain.Tests.Returns.Ssda903.LacChildren;

namespace ChildrenServices.Domain.Tests.Returns.Ssda903;

/// <summary>The SSDA903 rules as a whole: every registered rule has a test that breaks it, the return-wide rules, and who the unfilled files would hold.</summary>
public sealed class Ssda903RulesTests
{
    [Fact]
    public void EveryRuleChecked_HasARecordThatBreaksIt_AndTheyAreAtLeastSixty()
    {
        var broken = EpisodeRulesTests.Breaks.Keys.Concat(ChildRulesTests.Breaks.Keys).Concat(ChildRulesTests.LibertyBreaks.Keys).Concat(["INT32", "444"]).ToHashSet(StringComparer.Ordinal);

        var untested = Ssda903Rules.All.Select(r => r.Code).Where(c => !broken.Contains(c)).ToList();
        Assert.True(untested.Count == 0, "Rules with no test that breaks them: " + string.Join(", ", untested));
        Assert.Equal(Ssda903Rules.All.Count, Ssda903Rules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.True(Ssda903Rules.All.Count >= 60, $"{Ssda903Rules.All.Count} rules");
    }

    [Fact]
    public void ASoundChild_FailsNoRuleAtAll() => Assert.Empty(Rules.Check(Sound()));

    [Fact]
    public void TheSameChildOrUpnTwice_FailsTheReturn_OnceForTheSecond()
    {
        var check = Rules.StartReturn();
        var first = Sound();
        var again = Sound() with { Upn = "UN2" };
        var sameUpn = Sound() with { LocalId = "C000999" };
        var unknownUpns = new[] { Sound() with { LocalId = "C1", Upn = "UN2" }, Sound() with { LocalId = "C2", Upn = "UN2" } };

        Assert.Empty(check.Add(first));
        check.Add(again);
        check.Add(sameUpn);
        foreach (var child in unknownUpns)
        {
            check.Add(child);
        }

        var failures = check.Finish();
        Assert.Equal([("INT32", again.PersonId), ("444", sameUpn.PersonId)], failures.Select(f => (f.Rule.Code, f.PersonId!.Value)).ToList());
        Assert.Equal((5, 5 * 3), (check.Children, check.Episodes));
    }

    [Fact]
    public void TheFilesNotYetFilled_CountTheChildrenTheyWouldHold()
    {
        var sound = Sound();
        Assert.True(LacCohorts.LookedAfterForAYear(sound, Year));
        Assert.False(LacCohorts.LookedAfterForAYear(sound with { Episodes = [sound.Episodes[2] with { Rne = "S" }, sound.Episodes[3]] }, Year));
        Assert.False(LacCohorts.LookedAfterForAYear(Episode(sound, 3, e => e with { End = D("2026-03-30"), ReasonCeased = "E4A" }), Year));
        Assert.False(LacCohorts.LookedAfterForAYear(sound with { Episodes = [.. sound.Episodes.Select(e => e with { LegalStatus = "V4" })] }, Year));

        Assert.False(LacCohorts.AdoptedIn(sound, Year));
        var adopted = Episode(sound, 3, e => e with { Place = "A4", End = D("2026-02-01"), ReasonCeased = "E11" });
        Assert.True(LacCohorts.AdoptedIn(adopted, Year));
        Assert.True(LacCohorts.PlacedForAdoptionIn(adopted, Year));
        Assert.True(LacCohorts.PlacedForAdoptionIn(Episode(sound, 3, e => e with { LegalStatus = "E1" }), Year));
        Assert.False(LacCohorts.PlacedForAdoptionIn(sound, Year));
    }

    [Fact]
    public void AChildWhoLeftCareInTheYear_MayHaveNoSocialWorkerOn31March()
    {
        var home = Episode(Sound(), 3, e => e with { End = D("2026-02-01"), ReasonCeased = "E4A" });
        var closed = home with { SocialWorkerEpisodes = [home.SocialWorkerEpisodes[0], home.SocialWorkerEpisodes[1] with { End = D("2026-02-01") }] };

        Assert.DoesNotContain("SW17STG2", Failed(closed));
        Assert.Contains("SW17STG2", Failed(Sound() with { SocialWorkerEpisodes = closed.SocialWorkerEpisodes }));
    }
}
