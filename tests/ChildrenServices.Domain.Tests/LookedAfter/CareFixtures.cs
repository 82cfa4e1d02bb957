using ChildrenServices.Domain.LookedAfter;

namespace ChildrenServices.Domain.Tests.LookedAfter;

/// <summary>Placements and dates the period of care tests share.</summary>
internal static class CareFixtures
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateOnly StartDay = new(2026, 1, 5);
    public static readonly DateOnly BornOn = new(2015, 6, 1);
    public static readonly Guid Child = Guid.CreateVersion7();

    /// <summary>The Ofsted URN of the council's own fostering and adoption service (synthetic).</summary>
    public const string FosteringService = "SC100001";

    /// <summary>Short-term foster care with the council's own carers, the Smiths.</summary>
    public static Placement Smith => new("U6", "PR1", "SN1 2AB", "Smith family", intendedLongTerm: false, urn: FosteringService);

    /// <summary>The Smiths have moved house: same carers, new postcode.</summary>
    public static Placement SmithNewHome => new("U6", "PR1", "SN2 3CD", "Smith family", intendedLongTerm: false, urn: FosteringService);

    /// <summary>The Smiths become the child's long-term foster carers: same carers, new type.</summary>
    public static Placement SmithLongTerm => new("U4", "PR1", "SN1 2AB", "Smith family", intendedLongTerm: true, urn: FosteringService);

    /// <summary>Foster carers from an independent fostering agency.</summary>
    public static Placement Jones => new("U6", "PR4", "BA1 1AA", "Jones family", intendedLongTerm: false, urn: "SC200002");

    /// <summary>A private children's home.</summary>
    public static Placement OakHouse => new("K2", "PR4", "GL1 1AA", "Oak House", intendedLongTerm: true, urn: "2300003");

    /// <summary>Placed for adoption with the current foster carers under a placement order.</summary>
    public static Placement SmithForAdoption => new("A5", "PR1", "SN1 2AB", "Smith family", intendedLongTerm: true, urn: FosteringService);

    /// <summary>A few days in hospital.</summary>
    public static Placement Hospital => new("T1", null, "SN3 1LU", "Great Western Hospital", intendedLongTerm: false);

    public static Placement Named(string name) => name switch
    {
        nameof(Smith) => Smith,
        nameof(SmithNewHome) => SmithNewHome,
        nameof(SmithLongTerm) => SmithLongTerm,
        nameof(Jones) => Jones,
        nameof(OakHouse) => OakHouse,
        nameof(SmithForAdoption) => SmithForAdoption,
        nameof(Hospital) => Hospital,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such placement in the fixtures."),
    };

    /// <summary>Looked after under an interim care order with the Smiths from <see cref="StartDay"/>.</summary>
    public static PeriodOfCare StartedWithSmith(string legalStatus = "C1", DateOnly? on = null) =>
        PeriodOfCare.Start(Child, on ?? StartDay, legalStatus, "N1", Smith, BornOn, Today);

    public static DateOnly D(int month, int day) => new(2026, month, day);
}
