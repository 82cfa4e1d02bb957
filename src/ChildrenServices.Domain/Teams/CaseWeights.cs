using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Teams;

/// <summary>
/// How much a case weighs in a worker's caseload, in points the council sets: a child protection case is not a child in
/// need case. A child counts once, by the most intensive thing open for them (looked after, then a child protection plan,
/// then a child in need plan, then an open referral); an early help family counts once however many children it has.
/// </summary>
public sealed record CaseWeighting
{
    public const int MaxPoints = 10;

    public static CaseWeighting Defaults { get; } = new();

    /// <summary>A child with an open referral (assessment) and no plan or care.</summary>
    public int Assessment { get; init; } = 2;

    public int ChildInNeed { get; init; } = 2;

    public int ChildProtection { get; init; } = 3;

    public int LookedAfter { get; init; } = 3;

    /// <summary>An open early help or support episode, per family.</summary>
    public int EarlyHelpFamily { get; init; } = 2;

    /// <summary>A child held with nothing else open (a closing case, or one awaiting transfer).</summary>
    public int Other { get; init; } = 1;

    /// <summary>Each weight out of range, by the field it came from.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems() =>
    [
        .. new (string Field, int Value)[]
            {
                (nameof(Assessment), Assessment), (nameof(ChildInNeed), ChildInNeed), (nameof(ChildProtection), ChildProtection),
                (nameof(LookedAfter), LookedAfter), (nameof(EarlyHelpFamily), EarlyHelpFamily), (nameof(Other), Other),
            }
            .Where(w => w.Value is < 0 or > MaxPoints)
            .Select(w => (w.Field, $"Enter a whole number of points from 0 to {MaxPoints}")),
    ];
}

/// <summary>The council's case weights as an administrator last saved them: one row per deployment.</summary>
public sealed class CaseWeightSettings : Aggregate
{
    public static readonly Guid SingletonId = new("0193f3c2-7d1e-7c55-9a3e-5c0a1b2c3d4f");

    private CaseWeightSettings()
    {
    }

    public CaseWeightSettings(CaseWeighting weighting)
    {
        Id = SingletonId;
        Apply(weighting);
    }

    public int Assessment { get; private set; }

    public int ChildInNeed { get; private set; }

    public int ChildProtection { get; private set; }

    public int LookedAfter { get; private set; }

    public int EarlyHelpFamily { get; private set; }

    public int Other { get; private set; }

    public CaseWeighting ToWeighting() => new()
    {
        Assessment = Assessment, ChildInNeed = ChildInNeed, ChildProtection = ChildProtection, LookedAfter = LookedAfter, EarlyHelpFamily = EarlyHelpFamily, Other = Other,
    };

    /// <summary>Replace every weight; refused, naming the field, when one is out of range.</summary>
    public void Apply(CaseWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(weighting);
        if (weighting.Problems() is [var first, ..])
        {
            throw new DomainRuleException(first.Message, first.Field);
        }

        (Assessment, ChildInNeed, ChildProtection, LookedAfter, EarlyHelpFamily, Other) =
            (weighting.Assessment, weighting.ChildInNeed, weighting.ChildProtection, weighting.LookedAfter, weighting.EarlyHelpFamily, weighting.Other);
    }
}
