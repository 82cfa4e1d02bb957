using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

public enum PersonType
{
    Child = 1,
    Adult = 2,
}

/// <summary>Sex as recorded on a birth certificate or gender recognition certificate (SSD pers_sex).</summary>
public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}

/// <summary>
/// A child or an adult known to the service: identity, characteristics, identifiers and address
/// history. The rules that keep a record coherent (an unborn child has an expected date, not a
/// date of birth; death cannot precede birth) live here so every use case gets them.
/// </summary>
public sealed class Person : Aggregate
{
    private readonly List<PersonName> names = [];
    private readonly List<Address> addresses = [];
    private readonly List<RestrictionGrant> restrictionGrants = [];

    private Person()
    {
        GivenNames = string.Empty;
        FamilyName = string.Empty;
    }

    public PersonType Type { get; private set; }

    /// <summary>
    /// The council's own identifier for the person, as the DfE returns take it (the CIN census's LAchildID, SSDA903's
    /// CHILD): letters and digits, at most 20 (CIN rules 1570 and 1580), unique (8510). Given when the record is first
    /// saved, from a sequence that never goes back, so a number is never given twice; it never changes.
    /// </summary>
    public string? LocalId { get; private set; }

    public string GivenNames { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    public DateOnly? ExpectedDateOfBirth { get; private set; }

    public DateOnly? DateOfDeath { get; private set; }

    /// <summary>
    /// Why the date of birth is not known (police or the public often give only an age). Set only while
    /// there is neither a date of birth nor an expected date: the record is flagged until a date is confirmed.
    /// </summary>
    public string? DateOfBirthNotKnownReason { get; private set; }

    /// <summary>
    /// A birth date worked back from an approximate age ("about 7") on the day it was given, so the age
    /// goes on counting. Never a date of birth: the DfE returns need a real one.
    /// </summary>
    public DateOnly? ApproximateDateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    /// <summary>
    /// Sex as the DfE returns take it (the CIN census's Sex from 2025, SSDA903's SEX): M, F, or U when not known,
    /// and always U for an unborn child (CIN rule 8750). It replaced the four-value GenderCurrent.
    /// </summary>
    public string SexCode => ReturnSex(Sex, IsUnborn);

    /// <summary>DfE ethnicity code (WBRI, MWBC, …); null until the child or family has said.</summary>
    public string? EthnicityCode { get; private set; }

    /// <summary>DfE disability codes; NONE when the person has none.</summary>
    public List<string> DisabilityCodes { get; private set; } = [];

    public string? FirstLanguage { get; private set; }

    public bool InterpreterRequired { get; private set; }

    public string? NhsNumber { get; private set; }

    public string? UniquePupilNumber { get; private set; }

    /// <summary>UN1–UN7 when the UPN is not known and why.</summary>
    public string? UpnUnknownReason { get; private set; }

    /// <summary>The child is, or was, an unaccompanied asylum-seeking child (SSDA903 header UASC; CIN assessment factor 9A).</summary>
    public bool Uasc { get; private set; }

    /// <summary>The date the child's UASC status began, as the Home Office or the age assessment gave it.</summary>
    public DateOnly? UascFrom { get; private set; }

    /// <summary>The date UASC status ceased (SSDA903 DUC): leave to remain granted, or the 18th birthday at the latest (rule 304).</summary>
    public DateOnly? UascCeasedOn { get; private set; }

    /// <summary>Whether the young person is a mother (SSDA903 MOTHER); null until asked.</summary>
    public bool? IsMother { get; private set; }

    /// <summary>The date of birth of the young person's first child (SSDA903 MC_DOB).</summary>
    public DateOnly? FirstChildBornOn { get; private set; }

    public RestrictionReason? Restriction { get; private set; }

    public DateOnly? RestrictedOn { get; private set; }

    public DateOnly? RestrictionReviewDue { get; private set; }

    public IReadOnlyList<PersonName> Names => names;

    public IReadOnlyList<Address> Addresses => addresses;

    public IReadOnlyList<RestrictionGrant> RestrictionGrants => restrictionGrants;

    public bool IsRestricted => Restriction is not null;

    /// <summary>
    /// Set when this record was merged into another record of the same person: it is then a tombstone
    /// that redirects to the survivor, is left out of search and the duplicate check, and cannot be edited.
    /// </summary>
    public Guid? MergedIntoId { get; private set; }

    public bool IsMerged => MergedIntoId is not null;

    /// <summary>This record becomes a tombstone pointing at <paramref name="survivorId"/>.</summary>
    public void MergeInto(Guid survivorId)
    {
        if (survivorId == Id)
        {
            throw new DomainRuleException("Select two different records to merge", "MergedId");
        }

        if (IsMerged)
        {
            throw new DomainRuleException("This record has already been merged into another record", "MergedId");
        }

        MergedIntoId = survivorId;
    }

    /// <summary>The merge is undone: the record is a live record again.</summary>
    public void UnMerge() => MergedIntoId = null;

    public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;

    /// <summary>Born, but no date of birth confirmed: flagged on the record.</summary>
    public bool DateOfBirthNotKnown => DateOfBirth is null && ExpectedDateOfBirth is null;

    public string FullName => $"{GivenNames} {FamilyName}";

    public static Person Create(PersonType type, string givenNames, string familyName, PersonDetails details)
    {
        var person = new Person { Type = type };
        person.SetCurrentName(givenNames, familyName);
        person.Apply(details);
        return person;
    }

    public void UpdateDetails(PersonDetails details) => Apply(details);

    /// <summary>
    /// The child's UASC status and its dates. Not UASC clears both dates (rule 303: a date ceased only for a UASC child);
    /// a UASC child needs the date it began; it ceases on or before their 18th birthday (rule 304), not before it began,
    /// and neither date is in the future.
    /// </summary>
    public void RecordUascStatus(bool uasc, DateOnly? from, DateOnly? ceasedOn, DateOnly today)
    {
        if (Type != PersonType.Child || IsUnborn)
        {
            throw new DomainRuleException("UASC status is recorded for a child who has been born", "Uasc");
        }

        if (!uasc)
        {
            if (ceasedOn is not null)
            {
                throw new DomainRuleException("A date UASC status ceased is only given for a child who was UASC", "UascCeasedOn");
            }

            Uasc = false;
            UascFrom = null;
            UascCeasedOn = null;
            return;
        }

        if (from is not { } began)
        {
            throw new DomainRuleException("Enter the date the child's UASC status began", "UascFrom");
        }

        if (began > today)
        {
            throw new DomainRuleException("The date UASC status began must be today or in the past", "UascFrom");
        }

        if (DateOfBirth is { } born && began < born)
        {
            throw new DomainRuleException("The date UASC status began cannot be before the date of birth", "UascFrom");
        }

        if (ceasedOn is { } ceased)
        {
            if (ceased < began)
            {
                throw new DomainRuleException("UASC status cannot cease before it began", "UascCeasedOn");
            }

            if (ceased > today)
            {
                throw new DomainRuleException("The date UASC status ceased must be today or in the past", "UascCeasedOn");
            }

            if (DateOfBirth is { } birth && ceased > birth.AddYears(18))
            {
                throw new DomainRuleException($"UASC status ceases on or before the child's 18th birthday, {birth.AddYears(18):d MMMM yyyy}", "UascCeasedOn");
            }
        }

        Uasc = true;
        UascFrom = began;
        UascCeasedOn = ceasedOn;
    }

    /// <summary>
    /// Whether the young person is a mother, and when her first child was born (SSDA903 MOTHER and MC_DOB). Not for a
    /// young person recorded as male (rule 174); the child's birth is not in the future nor before the mother's own.
    /// </summary>
    /// <summary>Younger than this at her first child's birth is taken for a typing mistake.</summary>
    public const int YoungestMother = 10;

    public void RecordMotherhood(bool isMother, DateOnly? firstChildBornOn, DateOnly today)
    {
        if (Type != PersonType.Child || IsUnborn)
        {
            throw new DomainRuleException("Whether a young person is a mother is recorded for a child who has been born", "IsMother");
        }

        if (!isMother)
        {
            IsMother = false;
            FirstChildBornOn = null;
            return;
        }

        if (Sex == Sex.Male)
        {
            throw new DomainRuleException("The young person is recorded as male: check their sex on the record first (DfE rule 174)", "IsMother");
        }

        if (firstChildBornOn is not { } born)
        {
            throw new DomainRuleException("Enter the date of birth of her first child", "FirstChildBornOn");
        }

        if (born > today)
        {
            throw new DomainRuleException("The date of birth of her first child must be today or in the past", "FirstChildBornOn");
        }

        if (DateOfBirth is { } own && born <= own)
        {
            throw new DomainRuleException("Her first child's date of birth must be after her own", "FirstChildBornOn");
        }

        // Not a DfE rule: a date that makes her a mother before she was 10 is a typing mistake.
        if (DateOfBirth is { } her && AgeBetween(her, born) < YoungestMother)
        {
            throw new DomainRuleException($"Check the dates: she would have been {AgeBetween(her, born)} when her first child was born", "FirstChildBornOn");
        }

        IsMother = true;
        FirstChildBornOn = born;
    }

    /// <summary>The local identifier is given once, when the record is first saved (or, for a record from before it existed, by the backfill).</summary>
    public void AssignLocalId(string localId)
    {
        if (LocalId is not null)
        {
            throw new InvalidOperationException("A person's local identifier never changes");
        }

        if (!LocalIdentifier.IsValid(localId))
        {
            throw new ArgumentException("A local identifier is 1 to 20 letters and digits", nameof(localId));
        }

        LocalId = localId;
    }

    /// <summary>M, F or U for the returns: U for an unborn child whatever is recorded (CIN rule 8750).</summary>
    public static string ReturnSex(Sex sex, bool unborn) => unborn ? "U" : sex switch
    {
        Sex.Male => "M",
        Sex.Female => "F",
        _ => "U",
    };

    /// <summary>
    /// A new current name. The old one is kept as a previous name so searches for it still
    /// find the person (a child who takes a step-parent's surname is still found by the old one).
    /// </summary>
    public void ChangeName(string givenNames, string familyName, DateOnly changedOn)
    {
        var current = names.Single(n => n.Kind == NameKind.Current);
        if (string.Equals(current.GivenNames, givenNames.Trim(), StringComparison.Ordinal)
            && string.Equals(current.FamilyName, familyName.Trim(), StringComparison.Ordinal))
        {
            return;
        }

        current.Demote(NameKind.Previous, changedOn);
        SetCurrentName(givenNames, familyName);
    }

    public void AddAlias(string givenNames, string familyName)
    {
        RequireName(givenNames, familyName);
        names.Add(new PersonName(Id, NameKind.Alias, givenNames, familyName, null));
    }

    /// <summary>Records a move: the current address (if any) ends the day before the new one starts.</summary>
    public Address MoveTo(string line1, string? line2, string? town, string postcode, DateOnly from)
    {
        if (string.IsNullOrWhiteSpace(line1))
        {
            throw new DomainRuleException("Enter the first line of the address", "Line1");
        }

        if (string.IsNullOrWhiteSpace(postcode))
        {
            throw new DomainRuleException("Enter the postcode", "Postcode");
        }

        var current = addresses.SingleOrDefault(a => a.IsCurrent);
        if (current is not null)
        {
            if (from <= current.From)
            {
                throw new DomainRuleException(
                    $"The move date must be after {current.From:d MMMM yyyy}, when the current address started", "From");
            }

            current.End(from.AddDays(-1));
        }

        var address = new Address(Id, line1, line2, town, postcode, from);
        addresses.Add(address);
        return address;
    }

    public void Restrict(RestrictionReason reason, DateOnly on, DateOnly reviewDue, IEnumerable<Guid> allowedUserIds)
    {
        if (reviewDue <= on)
        {
            throw new DomainRuleException("The review date must be after the date of the restriction", "ReviewDue");
        }

        Restriction = reason;
        RestrictedOn = on;
        RestrictionReviewDue = reviewDue;
        foreach (var userId in allowedUserIds.Distinct())
        {
            Allow(userId);
        }
    }

    public void Allow(Guid userId)
    {
        if (restrictionGrants.All(g => g.UserId != userId))
        {
            restrictionGrants.Add(new RestrictionGrant(Id, userId));
        }
    }

    public void Disallow(Guid userId) => restrictionGrants.RemoveAll(g => g.UserId == userId);

    public void LiftRestriction()
    {
        Restriction = null;
        RestrictedOn = null;
        RestrictionReviewDue = null;
        restrictionGrants.Clear();
    }

    public bool IsAllowed(Guid userId) => !IsRestricted || restrictionGrants.Any(g => g.UserId == userId);

    /// <summary>Whole years on <paramref name="today"/>; null for an unborn child.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (DateOfBirth is not { } dob)
        {
            return null;
        }

        var end = DateOfDeath is { } died && died < today ? died : today;
        return AgeBetween(dob, end);
    }

    /// <summary>The approximate age in whole years on <paramref name="today"/>, when only an age was given.</summary>
    public int? ApproximateAgeOn(DateOnly today) => ApproximateAge(ApproximateDateOfBirth, DateOfBirth, today);

    /// <summary>An approximate age from the birth date worked back from it; null once a real date of birth is known.</summary>
    public static int? ApproximateAge(DateOnly? approximateDateOfBirth, DateOnly? dateOfBirth, DateOnly today) =>
        dateOfBirth is null && approximateDateOfBirth is { } approx ? Math.Max(0, AgeBetween(approx, today)) : null;

    /// <summary>
    /// Whole years from <paramref name="dateOfBirth"/> to <paramref name="on"/>. Someone born on 29 February
    /// has their birthday on 1 March in other years, as the law of England and Wales counts it
    /// (Family Law Reform Act 1969, s.9), which matters for statutory ages such as 18.
    /// </summary>
    public static int AgeBetween(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < BirthdayIn(dateOfBirth, on.Year))
        {
            age--;
        }

        return age;
    }

    private static DateOnly BirthdayIn(DateOnly dateOfBirth, int year) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);

    private void SetCurrentName(string givenNames, string familyName)
    {
        RequireName(givenNames, familyName);
        GivenNames = givenNames.Trim();
        FamilyName = familyName.Trim();
        names.Add(new PersonName(Id, NameKind.Current, GivenNames, FamilyName, null));
    }

    private static void RequireName(string givenNames, string familyName)
    {
        if (string.IsNullOrWhiteSpace(givenNames))
        {
            throw new DomainRuleException("Enter the given names", "GivenNames");
        }

        if (string.IsNullOrWhiteSpace(familyName))
        {
            throw new DomainRuleException("Enter the family name", "FamilyName");
        }
    }

    private void Apply(PersonDetails details)
    {
        var reason = string.IsNullOrWhiteSpace(details.DateOfBirthNotKnownReason) ? null : details.DateOfBirthNotKnownReason.Trim();
        if (details.DateOfBirth is null && details.ExpectedDateOfBirth is null && reason is null)
        {
            throw new DomainRuleException(
                "Enter the date of birth, the expected date of birth for an unborn child, or why the date of birth is not known", "DateOfBirth");
        }

        if (details.DateOfBirth is not null && details.ExpectedDateOfBirth is not null)
        {
            throw new DomainRuleException("Enter either a date of birth or an expected date of birth, not both", "ExpectedDateOfBirth");
        }

        if (details.DateOfDeath is { } died && details.DateOfBirth is { } born && died < born)
        {
            throw new DomainRuleException("The date of death cannot be before the date of birth", "DateOfDeath");
        }

        if (details.DateOfDeath is not null && details.DateOfBirth is null && details.ExpectedDateOfBirth is not null)
        {
            throw new DomainRuleException("An unborn child cannot have a date of death: enter the date of birth first", "DateOfDeath");
        }

        if (details.ApproximateAge is < 0 or > 120)
        {
            throw new DomainRuleException("The approximate age must be between 0 and 120", "ApproximateAge");
        }

        DateOfBirth = details.DateOfBirth;
        ExpectedDateOfBirth = details.ExpectedDateOfBirth;
        DateOfDeath = details.DateOfDeath;

        // A confirmed date (or an unborn child's expected date) clears the flag and the approximate age.
        var notKnown = details.DateOfBirth is null && details.ExpectedDateOfBirth is null;
        DateOfBirthNotKnownReason = notKnown ? reason : null;
        ApproximateDateOfBirth = notKnown && details.ApproximateAge is { } years
            ? (details.RecordedOn ?? throw new DomainRuleException("An approximate age needs the date it was given", "ApproximateAge")).AddYears(-years)
            : null;
        Sex = details.Sex;

        EthnicityCode = details.EthnicityCode;
        DisabilityCodes = details.DisabilityCodes is { Count: > 0 } codes ? [.. codes.Distinct()] : [];
        FirstLanguage = string.IsNullOrWhiteSpace(details.FirstLanguage) ? null : details.FirstLanguage.Trim();
        InterpreterRequired = details.InterpreterRequired;
        NhsNumber = details.NhsNumber;
        UniquePupilNumber = details.UniquePupilNumber;
        UpnUnknownReason = details.UniquePupilNumber is null ? details.UpnUnknownReason : null;
    }
}

/// <summary>The editable characteristics of a person, validated before they reach the entity.</summary>
public sealed record PersonDetails(
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    DateOnly? DateOfDeath,
    Sex Sex,
    string? EthnicityCode,
    IReadOnlyList<string>? DisabilityCodes,
    string? FirstLanguage,
    bool InterpreterRequired,
    string? NhsNumber,
    string? UniquePupilNumber,
    string? UpnUnknownReason)
{
    /// <summary>Roughly how old the child is, when no date of birth is known.</summary>
    public int? ApproximateAge { get; init; }

    /// <summary>Why the date of birth is not known; required when there is neither a date nor an expected date.</summary>
    public string? DateOfBirthNotKnownReason { get; init; }

    /// <summary>The day the details were given: an approximate age is counted from it.</summary>
    public DateOnly? RecordedOn { get; init; }
}
