using ChildrenServices.Domain.People;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// The values Annex A's cells take, in the style of Ofsted's template ("a) Male", "N1 - Abuse or neglect",
/// "f) U6: Foster placement - not FFA"): the wording of ../shared/reference/dfe/annex-a.md and of the liia-tools schema it
/// cites, whose first name for each value is the template's. A code the template we have does not letter (referral source
/// 5D, closure reason RC9, placement types K3 and Z11 to Z14, all newer than it) is written as the bare DfE code rather
/// than with a letter made up here (<see cref="WrittenAsCodes"/>); so is any code the record holds that is not in the sets.
/// </summary>
/// <remarks>The exact template wording changes between Ofsted releases: check these against the current template before release.</remarks>
public static class AnnexALabels
{
    public const string Yes = "a) Yes";
    public const string No = "b) No";
    public const string Unknown = "c) Unknown";

    /// <summary>Recorded codes whose Annex A value is uncertain, so written as the code: shown on the page.</summary>
    public static IReadOnlyList<string> WrittenAsCodes { get; } =
    [
        "Referral and contact source 5D (LA services: early help), added to the DfE's codes in 2023/24",
        "Reason for closure RC9 (closed after assessment, referred to early help), added in 2023/24",
        "Placement types K3 (registered supported accommodation) and Z11 to Z14 (new in the 2025/26 list)",
    ];

    public static string YesNo(bool value) => value ? Yes : No;

    public static string? YesNo(bool? value) => value is { } v ? YesNo(v) : null;

    /// <summary>"a) Male", "b) Female", or "c) Not stated/recorded" (also an unborn child, as the DfE returns take it).</summary>
    public static string Gender(Sex sex, bool unborn) => Person.ReturnSex(sex, unborn) switch
    {
        "M" => "a) Male",
        "F" => "b) Female",
        _ => "c) Not stated/recorded",
    };

    /// <summary>annex-a.md gives both REFU and NOBT as "s)" (liia-tools also reads "t) NOBT"): kept as given.</summary>
    private static readonly Dictionary<string, string> Ethnicities = new(StringComparer.Ordinal)
    {
        ["WBRI"] = "a) WBRI", ["WIRI"] = "b) WIRI", ["WIRT"] = "c) WIRT", ["WOTH"] = "d) WOTH", ["WROM"] = "e) WROM",
        ["MWBC"] = "f) MWBC", ["MWBA"] = "g) MWBA", ["MWAS"] = "h) MWAS", ["MOTH"] = "i) MOTH",
        ["AIND"] = "j) AIND", ["APKN"] = "k) APKN", ["ABAN"] = "l) ABAN", ["AOTH"] = "m) AOTH",
        ["BCRB"] = "n) BCRB", ["BAFR"] = "o) BAFR", ["BOTH"] = "p) BOTH", ["CHNE"] = "q) CHNE", ["OOTH"] = "r) OOTH",
        ["REFU"] = "s) REFU", ["NOBT"] = "s) NOBT",
    };

    /// <summary>Blank while the child's ethnicity is not recorded: "not yet obtained" is not assumed.</summary>
    public static string? Ethnicity(string? code) => code is null ? null : Ethnicities.GetValueOrDefault(code, code);

    /// <summary>"a) Yes" with any disability, "b) No" when recorded as none, "c) Unknown" when nothing is recorded.</summary>
    public static string Disability(IReadOnlyCollection<string> codes) =>
        codes.Count == 0 ? Unknown : codes.Any(c => c != "NONE") ? Yes : No;

    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        ["1A"] = "a) 1A: Individual", ["1B"] = "b) 1B: Individual", ["1C"] = "c) 1C: Individual", ["1D"] = "d) 1D: Individual",
        ["2A"] = "e) 2A: Schools", ["2B"] = "f) 2B: Education services",
        ["3A"] = "g) 3A: Health services", ["3B"] = "h) 3B: Health services", ["3C"] = "i) 3C: Health services",
        ["3D"] = "j) 3D: Health services", ["3E"] = "k) 3E: Health services", ["3F"] = "l) 3F: Health services",
        ["4"] = "m) 4: Housing", ["5A"] = "n) 5A: LA services", ["5B"] = "o) 5B: LA services", ["5C"] = "p) 5C: LA services",
        ["6"] = "q) 6: Police", ["7"] = "r) 7: Other legal agency", ["8"] = "s) 8: Other", ["9"] = "t) 9: Anonymous", ["10"] = "u) 10: Unknown",
    };

    /// <summary>Contact and referral source; 5D as its code.</summary>
    public static string? Source(string? code) => code is null ? null : Sources.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> Needs = new(StringComparer.Ordinal)
    {
        ["N1"] = "N1 - Abuse or neglect", ["N2"] = "N2 - Child’s disability", ["N3"] = "N3 - Parental disability or illness",
        ["N4"] = "N4 - Family in acute stress", ["N5"] = "N5 - Family dysfunction", ["N6"] = "N6 - Socially unacceptable behaviour",
        ["N7"] = "N7 - Low income", ["N8"] = "N8 - Absent parenting", ["N9"] = "N9 - Cases other than children in need", ["N0"] = "N0 - Not stated",
    };

    /// <summary>Primary need (List 6) and the SSDA903 category of need (List 8), which share the codes and Ofsted's values.</summary>
    public static string? Need(string? code) => code is null ? null : Needs.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> Closures = new(StringComparer.Ordinal)
    {
        ["RC1"] = "RC1 - Adopted", ["RC2"] = "RC2 - Died", ["RC3"] = "RC3 - Child arrangements order", ["RC4"] = "RC4 - Special guardianship order",
        ["RC5"] = "RC5 - Transferred to services of another local authority", ["RC6"] = "RC6 - Transferred to adult social care services",
        ["RC7"] = "RC7 - Services ceased for any other reason, including child no longer in need",
        ["RC8"] = "RC8 - Case closed after assessment, no further action",
    };

    /// <summary>Reason for closure; RC9 as its code.</summary>
    public static string? Closure(string? code) => code is null ? null : Closures.GetValueOrDefault(code, code);

    /// <summary>List 6's case status, in Ofsted's order of precedence.</summary>
    public enum CaseStatus
    {
        LookedAfter,
        ChildProtectionPlan,
        ChildInNeedPlan,
        OpenAssessment,
        ClosedEpisode,
    }

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.LookedAfter => "a) Looked after child",
        CaseStatus.ChildProtectionPlan => "b) Child Protection plan",
        CaseStatus.ChildInNeedPlan => "c) Child in need plan",
        CaseStatus.OpenAssessment => "d) Open assessment",
        _ => "e) Closed episode",
    };

    private static readonly Dictionary<string, string> Abuse = new(StringComparer.Ordinal)
    {
        ["NEG"] = "a) Neglect", ["PHY"] = "b) Physical abuse", ["SAB"] = "c) Sexual abuse", ["EMO"] = "d) Emotional abuse", ["MUL"] = "e) Multiple/not recommended",
    };

    public static string? CategoryOfAbuse(string? code) => code is null ? null : Abuse.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> LegalStatuses = new(StringComparer.Ordinal)
    {
        ["C1"] = "C1: ICO", ["C2"] = "C2: FCO", ["D1"] = "D1: Freeing order", ["E1"] = "E1: Placement order",
        ["V2"] = "V2: Single period under S20", ["V3"] = "V3: Short term breaks, episodes recorded", ["V4"] = "V4: Short term breaks, agreements recorded",
        ["L1"] = "L1: Police protection LA accommodation", ["L2"] = "L2: EPO", ["L3"] = "L3: Child assessment order LA accommodation",
        ["J1"] = "J1: Remanded to LA or youth detention", ["J2"] = "J2: LA accommodation under PACE", ["J3"] = "J3: Youth rehabilitation order",
    };

    public static string? LegalStatus(string? code) => code is null ? null : LegalStatuses.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> Ceased = new(StringComparer.Ordinal)
    {
        ["E11"] = "a) E11: Adopted - application unopposed", ["E12"] = "b) E12: Adopted - consent dispensed", ["E2"] = "c) E2: Died",
        ["E3"] = "d) E3: Care taken by another LA",
        ["E4A"] = "e) E4A: Returned home to live with parents or relatives - part of planning",
        ["E4B"] = "f) E4B: Returned home to live with parents or relatives - not part of planning",
        ["E13"] = "g) E13: Parents, relatives or other with no parental responsibility", ["E41"] = "h) E41: Residence order granted",
        ["E45"] = "i) E45: Special Guardianship Orders - former carer relative/friend", ["E46"] = "j) E46: Special Guardianship Orders - former carer other",
        ["E47"] = "k) E47: Special Guardianship Orders - relative/friend", ["E48"] = "l) E48: Special Guardianship Orders - other",
        ["E5"] = "m) E5: Moved into independent living - supported", ["E6"] = "n) E6: Moved into independent living - no support",
        ["E7"] = "o) E7: Transferred to residential care funded by adult social services", ["E9"] = "p) E9: Sentenced to custody",
        ["E14"] = "q) E14: Accommodation on remand ended", ["E15"] = "r) E15: Age assessment determined child was 18 or over",
        ["E16"] = "s) E16: Child moved abroad", ["E8"] = "t) E8: Care ceased for any other reason",
        ["E17"] = "v) E17: Aged 18+ and remained with current carers",
    };

    public static string? ReasonCeased(string? code) => code is null ? null : Ceased.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> PlacementTypes = new(StringComparer.Ordinal)
    {
        ["U1"] = "a) U1: Foster placement - relatives - long term", ["U2"] = "b) U2: Foster placement - relative - FFA",
        ["U3"] = "c) U3: Foster placement - relative - not FFA", ["U4"] = "d) U4: Foster placement - long term",
        ["U5"] = "e) U5: Foster placement - FFA", ["U6"] = "f) U6: Foster placement - not FFA",
        ["A3"] = "g) A3: Placed for adoption - consent - current foster", ["A4"] = "h) A4: Placed for adoption - consent - not foster",
        ["A5"] = "i) A5: Placed for adoption - order - foster", ["A6"] = "j) A6: Placed for adoption - order - not foster",
        ["P1"] = "k) P1: Placed with parents", ["P2"] = "l) P2: Independent living", ["P3"] = "m) P3: Residential employment",
        ["H5"] = "n) H5: Residential accommodation", ["K1"] = "o) K1: Secure Children’s Homes", ["K2"] = "p) K2: Children’s Homes",
        ["R1"] = "q) R1: Residential Care Home", ["R2"] = "r) R2: NHS/Health Trust", ["R3"] = "s) R3: Family Centre or Mother and Baby Unit",
        ["R5"] = "t) R5: Young Offender Institution", ["S1"] = "u) S1: Residential school", ["Z1"] = "v) Z1: Other placements",
        ["T0"] = "w) T0: Temporary placement", ["T1"] = "x) T1: Temporary placement - hospital", ["T2"] = "y) T2: Temporary placement - holiday",
        ["T3"] = "z) T3: Temporary placement - carer holiday", ["T4"] = "zz) T4: Temporary placement - seven days or less",
    };

    /// <summary>Placement type; K3 and Z11 to Z14 as their codes.</summary>
    public static string? PlacementType(string? code) => code is null ? null : PlacementTypes.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> Providers = new(StringComparer.Ordinal)
    {
        ["PR0"] = "a) PR0: Parents/Parental responsibility", ["PR1"] = "b) PR1: Own provision", ["PR2"] = "c) PR2: Other LA provision",
        ["PR3"] = "d) PR3: Other public provision", ["PR4"] = "e) PR4: Private provision", ["PR5"] = "f) PR5: Voluntary/third sector",
    };

    public static string? PlacementProvider(string? code) => code is null ? null : Providers.GetValueOrDefault(code, code);
}
