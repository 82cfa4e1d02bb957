using System.Text.RegularExpressions;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;

namespace ChildrenServices.Domain.LookedAfter;

/// <summary>
/// Where a looked-after child lives and with whom: the SSDA903 placement type, provider and
/// postcode, plus the carer (a carer's or setting's identifier or name) and whether the placement
/// is intended to be long-term, which sets how often the child must be visited (regulation 28).
/// </summary>
/// <remarks>
/// Checks that need nothing but the placement itself are made here, so a placement that exists is
/// one the return can carry: the codes exist in some year, the provider fits the type (DfE rules
/// 213, 526, 527–531, 550) and the postcode has the shape of a UK postcode. Which year a type is
/// valid in depends on the date it starts, so <see cref="PeriodOfCare"/> checks that.
/// </remarks>
public sealed partial record Placement
{
    public const int CarerLimit = 200;

    /// <summary>What the return takes in place of a URN for a provider the CQC or ISI inspects rather than Ofsted, or a regional adoption agency.</summary>
    public const string UrnExempt = "XXXXXXX";

    /// <summary>Temporary placements (T0–T4): a period of care can neither start nor end in one (rules 380, 381).</summary>
    internal static readonly IReadOnlySet<string> TemporaryTypes = new HashSet<string>(StringComparer.Ordinal) { "T0", "T1", "T2", "T3", "T4" };

    /// <summary>Types with no provider: temporary and "other" placements (rules 213 and 526; SSD guidance for PLACE_PROVIDER).</summary>
    private static readonly IReadOnlySet<string> TypesWithoutProvider = new HashSet<string>(TemporaryTypes, StringComparer.Ordinal) { "Z1", "Z11", "Z12", "Z13", "Z14" };

    /// <summary>
    /// Types no Ofsted registration covers, so no URN is recorded for them (rules 218 and 222, 2025/26): with parents,
    /// residential employment, care homes, NHS, young offender institutions, temporary and the 2025/26 "other" types.
    /// </summary>
    private static readonly IReadOnlySet<string> TypesWithoutUrn = new HashSet<string>(TemporaryTypes, StringComparer.Ordinal) { "P1", "P3", "R1", "R2", "R5", "Z11", "Z12", "Z13", "Z14" };

    private static readonly IReadOnlySet<string> PlacedForAdoption = new HashSet<string>(StringComparer.Ordinal) { "A3", "A4", "A5", "A6" };

    private static readonly IReadOnlySet<string> FosterPlacements = new HashSet<string>(StringComparer.Ordinal) { "U1", "U2", "U3", "U4", "U5", "U6" };

    /// <summary>Foster placements with a relative or friend (U1–U3): the only ones a connected person's temporary approval (regulation 24) can be for.</summary>
    private static readonly IReadOnlySet<string> ConnectedPersonPlacements = new HashSet<string>(StringComparer.Ordinal) { "U1", "U2", "U3" };

    private Placement()
    {
        Type = string.Empty;
        Carer = string.Empty;
    }

    public Placement(string type, string? provider, string? postcode, string carer, bool intendedLongTerm, string? urn = null, PlacementApproval approval = PlacementApproval.Approved)
    {
        type = type?.Trim().ToUpperInvariant() ?? string.Empty;
        if (type.Length == 0)
        {
            throw new DomainRuleException("Select the placement type", "PlacementType");
        }

        if (!Ssda903Codes.PlacementType.Contains(type))
        {
            throw new DomainRuleException($"'{type}' is not an SSDA903 placement type", "PlacementType");
        }

        provider = string.IsNullOrWhiteSpace(provider) ? null : provider.Trim().ToUpperInvariant();
        CheckProvider(type, provider);

        var normalisedPostcode = TidyPostcode(postcode, "PlacementPostcode");

        var tidyCarer = string.Join(' ', (carer ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (tidyCarer.Length == 0)
        {
            throw new DomainRuleException("Enter the carer or the name of the setting", "Carer");
        }

        if (tidyCarer.Length > CarerLimit)
        {
            throw new DomainRuleException($"The carer must be {CarerLimit} characters or fewer", "Carer");
        }

        Urn = CheckUrn(type, urn);
        Approval = CheckApproval(type, approval);
        Type = type;
        Provider = provider;
        Postcode = normalisedPostcode;
        Carer = tidyCarer;
        IntendedLongTerm = intendedLongTerm;
    }

    /// <summary>SSDA903 PLACE (A3 … Z1).</summary>
    public string Type { get; private init; }

    /// <summary>SSDA903 PLACE_PROVIDER (PR0 … PR5); none for temporary and "other" placements.</summary>
    public string? Provider { get; private init; }

    /// <summary>SSDA903 PL_POST, upper case with one space ("SN1 2AB"); may be blank only for short breaks.</summary>
    public string? Postcode { get; private init; }

    /// <summary>
    /// SSDA903 URN: the Ofsted unique reference number of the setting or agency registered for the placement, or
    /// <see cref="UrnExempt"/>; none for the types no registration covers.
    /// </summary>
    public string? Urn { get; private init; }

    /// <summary>Who the child lives with: a carer's or setting's identifier or name. Not returned to the DfE.</summary>
    public string Carer { get; private init; }

    /// <summary>Whether the placement is intended to last (regulation 28 visits: every 3 months after the first year).</summary>
    public bool IntendedLongTerm { get; private init; }

    /// <summary>
    /// Whether the child was placed before the carer's assessment or approval was complete: with a parent before the
    /// assessment (regulation 19) or with a connected person on temporary approval (regulation 24). Not returned to the
    /// DfE; it sets the child's visits (regulation 28(3) and (4)) until the worker records that it is complete.
    /// </summary>
    public PlacementApproval Approval { get; private init; }

    public bool IsTemporary => TemporaryTypes.Contains(Type);

    /// <summary>Whether the return expects an Ofsted URN for this type of placement (rule 218); short breaks aside (rule 214).</summary>
    public bool NeedsUrn => !TypesWithoutUrn.Contains(Type);

    public bool IsPlacedForAdoption => PlacedForAdoption.Contains(Type);

    public bool IsFosterPlacement => FosterPlacements.Contains(Type);

    /// <summary>
    /// Whether the two are the same placement as far as the episode chain is concerned: same
    /// type, provider, postcode, URN and carer. The long-term intention is not an SSDA903 field, so a
    /// change of it alone does not make a new episode.
    /// </summary>
    public bool IsSamePlacementAs(Placement other) =>
        Type == other.Type && Provider == other.Provider && Postcode == other.Postcode && Urn == other.Urn && HasSameCarerAs(other);

    /// <summary>The same carer by name or identifier, ignoring case and spacing.</summary>
    public bool HasSameCarerAs(Placement other) => string.Equals(Carer, other.Carer, StringComparison.OrdinalIgnoreCase);

    private static void CheckProvider(string type, string? provider)
    {
        if (TypesWithoutProvider.Contains(type))
        {
            if (provider is not null)
            {
                throw new DomainRuleException("Leave the placement provider blank for temporary and other placements (DfE rule 213)", "PlacementProvider");
            }

            return;
        }

        if (provider is null)
        {
            throw new DomainRuleException("Select the placement provider", "PlacementProvider");
        }

        if (!Ssda903Codes.PlacementProvider.Contains(provider))
        {
            throw new DomainRuleException($"'{provider}' is not an SSDA903 placement provider", "PlacementProvider");
        }

        // Rules 527–531 and 550: only parents provide a placement with parents, parents provide
        // nothing else, and some providers cannot run some kinds of placement.
        var refused = (provider, type) switch
        {
            ("PR0", not "P1") => "Parents (PR0) can only be the provider of a placement with parents (P1) (DfE rule 550)",
            (not "PR0", "P1") => "A placement with parents (P1) is provided by the parents: choose PR0 (DfE rules 527–531)",
            ("PR1" or "PR2", "R2" or "R5") => "A local authority (PR1 or PR2) cannot provide an NHS or young offender institution placement (DfE rules 527 and 528)",
            ("PR3", _) when PlacedForAdoption.Contains(type) || FosterPlacements.Contains(type) || type is "K1" or "K2"
                => "Other public provision (PR3) cannot provide adoption, foster or children's home placements (DfE rule 529)",
            _ => null,
        };
        if (refused is not null)
        {
            throw new DomainRuleException(refused, "PlacementProvider");
        }
    }

    /// <summary>The same placement with its assessment or approval complete: the visits follow regulation 28(2) or (5) from then.</summary>
    internal Placement WithApprovalComplete() => this with { Approval = PlacementApproval.Approved };

    private static PlacementApproval CheckApproval(string type, PlacementApproval approval) => approval switch
    {
        PlacementApproval.Approved => approval,
        PlacementApproval.ParentBeforeAssessment when type == "P1" => approval,
        PlacementApproval.ParentBeforeAssessment => throw new DomainRuleException("Only a placement with parents (P1) can be made before the parent's assessment is complete (regulation 19)", "PlacementApproval"),
        PlacementApproval.ConnectedPersonTemporary when ConnectedPersonPlacements.Contains(type) => approval,
        PlacementApproval.ConnectedPersonTemporary => throw new DomainRuleException("Temporary approval (regulation 24) is for a foster placement with a relative or friend (U1 to U3)", "PlacementApproval"),
        _ => throw new DomainRuleException("Select whether the carer is approved", "PlacementApproval"),
    };

    private static string? CheckUrn(string type, string? urn)
    {
        urn = string.IsNullOrWhiteSpace(urn) ? null : urn.Trim().ToUpperInvariant();
        if (urn is null)
        {
            return null;
        }

        if (TypesWithoutUrn.Contains(type))
        {
            throw new DomainRuleException($"Leave the Ofsted URN blank: no Ofsted registration covers a {type} placement (DfE rule 222)", "PlacementUrn");
        }

        return urn == UrnExempt || UrnShape().IsMatch(urn)
            ? urn
            : throw new DomainRuleException($"Enter the Ofsted URN as Ofsted gives it, like SC123456 or 2612345, or {UrnExempt} for a provider Ofsted does not inspect (DfE rule 1008)", "PlacementUrn");
    }

    /// <summary>A UK postcode tidied as the return takes it; null when blank; refused on <paramref name="field"/> when it is not one (rule 392c).</summary>
    public static string? TidyPostcode(string? postcode, string field)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        return PostcodeShape().IsMatch(postcode.Trim())
            ? Address.NormalisePostcode(postcode)
            : throw new DomainRuleException("Enter a real postcode, like SN1 2AB", field);
    }

    // Ofsted's social care URNs as the DfE's guidance gives them: SC999999, or 9999999 for newly registered providers.
    [GeneratedRegex("^(SC[0-9]{6}|[0-9]{7})$")]
    private static partial Regex UrnShape();

    // The shape RecordMove uses for a home address; SSDA903 postcodes are UK postcodes too.
    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex PostcodeShape();
}

/// <summary>Whether a placement began before the carer's assessment or approval was complete, which sets the child's visits (regulation 28).</summary>
public enum PlacementApproval
{
    /// <summary>The carer is approved or assessed, or the placement needs neither: regulation 28(2), or (4) or (5) for a child with a parent under an order.</summary>
    Approved = 0,

    /// <summary>Placed with a parent before the parent's assessment was complete (regulation 19): visits under regulation 28(3).</summary>
    ParentBeforeAssessment = 1,

    /// <summary>Placed with a relative, friend or other connected person approved temporarily as a foster carer (regulation 24): visits under regulation 28(4).</summary>
    ConnectedPersonTemporary = 2,
}
