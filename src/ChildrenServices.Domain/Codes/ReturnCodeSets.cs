namespace ChildrenServices.Domain.Codes;

/// <summary>
/// Every code set the returns use, by return, and what changed in each between collection years: the versioned reference
/// data the returns are checked and written with (each code with the years it is valid for, <see cref="Code"/>).
/// </summary>
public static class ReturnCodeSets
{
    /// <summary>A return's code set.</summary>
    public sealed record Entry(string Return, CodeSet Set);

    /// <summary>What changed in a code set in a collection year: codes new that year, wording changed, and codes retired after the year before.</summary>
    public sealed record Change(IReadOnlyList<Code> Added, IReadOnlyList<Code> Reworded, IReadOnlyList<Code> Retired)
    {
        public bool Any => Added.Count + Reworded.Count + Retired.Count > 0;
    }

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("CIN census", DfeCodes.Sex),
        new("CIN census", DfeCodes.Gender),
        new("CIN census", DfeCodes.Ethnicity),
        new("CIN census", DfeCodes.Disability),
        new("CIN census", DfeCodes.UpnUnknown),
        new("CIN census", DfeCodes.ReferralSource),
        new("CIN census", DfeCodes.PrimaryNeed),
        new("CIN census", DfeCodes.ReasonForClosure),
        new("CIN census", DfeCodes.AssessmentFactors),
        new("CIN census", DfeCodes.CategoryOfAbuse),
        new("SSDA903", Ssda903Codes.LegalStatus),
        new("SSDA903", Ssda903Codes.ReasonForNewEpisode),
        new("SSDA903", Ssda903Codes.CategoryOfNeed),
        new("SSDA903", Ssda903Codes.PlacementType),
        new("SSDA903", Ssda903Codes.PlacementProvider),
        new("SSDA903", Ssda903Codes.ReasonEpisodeCeased),
        new("SSDA903", Ssda903Codes.ReasonForPlacementChange),
        new("SSDA903", Ssda903Codes.PreviousPermanence),
        new("SSDA903", Ssda903Codes.SocialWorkerChangeReason),
        new("SSDA903", Ssda903Codes.ReviewParticipation),
        new("SSDA903", Ssda903Codes.MissingType),
    ];

    /// <summary>The codes of <paramref name="set"/> valid in collection year <paramref name="endYear"/> (the year it ends, as codes are dated), in the DfE's order.</summary>
    public static IReadOnlyList<Code> In(CodeSet set, int endYear) => [.. set.Codes.Where(c => c.IsValidIn(endYear))];

    /// <summary>What changed in <paramref name="set"/> from the collection year before <paramref name="endYear"/> to it.</summary>
    public static Change ChangesIn(CodeSet set, int endYear)
    {
        var now = In(set, endYear);
        var before = In(set, endYear - 1);
        return new Change(
            [.. now.Where(c => !before.Any(b => b.Value == c.Value))],
            [.. now.Where(c => before.Any(b => b.Value == c.Value && b.Description != c.Description))],
            [.. before.Where(b => !now.Any(c => c.Value == b.Value))]);
    }
}
