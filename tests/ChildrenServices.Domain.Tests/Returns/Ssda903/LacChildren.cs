using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Ssda903;

namespace ChildrenServices.Domain.Tests.Returns.Ssda903;

/// <summary>
/// A sound looked-after child for the SSDA903 rule tests, collection year 2025/26 (1 April 2025 to 31 March 2026): each
/// rule's test changes one thing about it to break the rule, and the sound child itself breaks none.
/// </summary>
internal static class LacChildren
{
    public static readonly CollectionYear Year = new(2025);

    public static readonly Ssda903Rules Rules = new(Year);

    public static readonly Guid Period = Guid.NewGuid();

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A girl born 14 May 2012, looked after since 3 June 2024 (before the year): an interim care order with foster carers, a
    /// full care order with the same carers, a move to other foster carers, then a move to a children's home where she is on
    /// 31 March. Two reviews and a night missing in the year; two social workers, the first from the start of care.
    /// </summary>
    public static LacChild Sound() => new(
        Guid.NewGuid(), "C000123", "F", D("2012-05-14"), "WBRI", "Y865200115123", false, null, false, null,
        [
            new LacEpisode(Guid.NewGuid(), Period, D("2024-06-03"), "S", "C1", "N1", "U6", "PR1", D("2025-01-10"), "X1", null, "SN1 2AB", "SN2 3CD", "SC123456"),
            new LacEpisode(Guid.NewGuid(), Period, D("2025-01-10"), "L", "C2", "N1", "U6", "PR1", D("2025-07-01"), "X1", "CARPL", "SN1 2AB", "SN2 3CD", "SC123456"),
            new LacEpisode(Guid.NewGuid(), Period, D("2025-07-01"), "P", "C2", "N1", "U4", "PR4", D("2025-12-01"), "X1", "CREQB", "SN1 2AB", "SN3 4EF", "SC654321"),
            new LacEpisode(Guid.NewGuid(), Period, D("2025-12-01"), "P", "C2", "N1", "K2", "PR4", null, null, null, "SN1 2AB", "SN4 5GH", "SC777777"),
        ],
        [
            new LacReview(Guid.NewGuid(), Period, D("2025-05-20"), "PN1"),
            new LacReview(Guid.NewGuid(), Period, D("2025-11-12"), "PN1"),
        ],
        [new LacMissing(Guid.NewGuid(), Period, "M", D("2025-09-02"), D("2025-09-03"))],
        null,
        [
            new LacSocialWorkerEpisode(Guid.NewGuid(), "SW12345", D("2024-06-03"), D("2025-08-15"), "FCONTA"),
            new LacSocialWorkerEpisode(Guid.NewGuid(), "SW67890", D("2025-08-15"), null, "LEFTRL"),
        ],
        []);

    /// <summary>The sound child with episode <paramref name="index"/> changed.</summary>
    public static LacChild Episode(LacChild c, int index, Func<LacEpisode, LacEpisode> change) =>
        c with { Episodes = [.. c.Episodes.Select((e, i) => i == index ? change(e) : e)] };

    /// <summary>The codes of the rules a child fails.</summary>
    public static IReadOnlyList<string> Failed(LacChild child, Ssda903Rules? rules = null) =>
        [.. (rules ?? Rules).Check(child).Select(f => f.Rule.Code).Distinct()];
}
