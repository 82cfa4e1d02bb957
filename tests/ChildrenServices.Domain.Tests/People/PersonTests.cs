using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using Xunit;

namespace ChildrenServices.Domain.Tests.People;

public class PersonTests
{
    private static readonly DateOnly Born = new(2015, 6, 10);

    [Fact]
    public void Create_Child_TrimsNamesAndMakesTheCurrentNameSearchable()
    {
        var person = Person.Create(PersonType.Child, "  Zoë  ", " O'Brien ", Details());

        Assert.Equal(("Zoë", "O'Brien", "Zoë O'Brien"), (person.GivenNames, person.FamilyName, person.FullName));
        var name = Assert.Single(person.Names);
        Assert.Equal((NameKind.Current, person.Id, "zoe obrien"), (name.Kind, name.PersonId, name.SearchText));
    }

    [Theory]
    [InlineData("", "Smith", "GivenNames", "Enter the given names")]
    [InlineData("  ", "Smith", "GivenNames", "Enter the given names")]
    [InlineData("Sam", "", "FamilyName", "Enter the family name")]
    public void Create_BlankName_Refused(string given, string family, string field, string message)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Person.Create(PersonType.Child, given, family, Details()));

        Assert.Equal((field, message), (ex.Field, ex.Message));
    }

    public static TheoryData<DateOnly?, DateOnly?, DateOnly?, string> IncoherentDates => new()
    {
        { null, null, null, "DateOfBirth" },
        { Born, new DateOnly(2027, 1, 1), null, "ExpectedDateOfBirth" },
        { Born, null, Born.AddDays(-1), "DateOfDeath" },
        { null, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), "DateOfDeath" },
    };

    [Theory]
    [MemberData(nameof(IncoherentDates))]
    public void Create_IncoherentDates_RefusedOnTheRightField(DateOnly? born, DateOnly? expected, DateOnly? died, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() =>
            Person.Create(PersonType.Child, "Sam", "Smith", Details() with { DateOfBirth = born, ExpectedDateOfBirth = expected, DateOfDeath = died }));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Create_DiedOnTheDayOfBirth_Allowed()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details() with { DateOfDeath = Born });

        Assert.Equal(Born, person.DateOfDeath);
    }

    [Fact]
    public void Rule8750_AnUnbornChild_IsSexUForTheReturns_WhateverIsRecorded_AndHasNoAge()
    {
        var person = Person.Create(PersonType.Child, "Baby", "Smith",
            Details() with { DateOfBirth = null, ExpectedDateOfBirth = new DateOnly(2027, 2, 1), Sex = Sex.Female });

        Assert.True(person.IsUnborn);
        Assert.Equal("U", person.SexCode);
        Assert.Null(person.AgeOn(new DateOnly(2026, 11, 24)));
    }

    [Theory]
    [InlineData(Sex.Male, "M")]
    [InlineData(Sex.Female, "F")]
    [InlineData(Sex.Unknown, "U")]
    public void SexCode_ForABornChild_IsTheReturnsMFOrU(Sex sex, string code)
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details() with { Sex = sex });

        Assert.Equal(code, person.SexCode);
    }

    [Fact]
    public void UpdateDetails_UpnGiven_DropsTheReasonItWasUnknownAndTidiesTheRest()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details() with { UpnUnknownReason = "UN1" });

        person.UpdateDetails(Details() with
        {
            UniquePupilNumber = "P207000016049",
            UpnUnknownReason = "UN1",
            DisabilityCodes = ["HAND", "HAND", "VIS"],
            FirstLanguage = "   ",
        });

        Assert.Equal("P207000016049", person.UniquePupilNumber);
        Assert.Null(person.UpnUnknownReason);
        Assert.Equal(["HAND", "VIS"], person.DisabilityCodes);
        Assert.Null(person.FirstLanguage);
    }

    [Theory]
    [InlineData("2026-06-10", 11)] // birthday today
    [InlineData("2026-06-09", 10)] // the day before
    [InlineData("2015-06-10", 0)] // day of birth
    public void AgeOn_Dates_CountsWholeYears(string today, int expected)
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());

        Assert.Equal(expected, person.AgeOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    // In England and Wales a leap-day birthday falls on 1 March in other years (Family Law Reform Act 1969, s.9).
    [Theory]
    [InlineData("2013-02-27", 0)]
    [InlineData("2013-02-28", 0)]
    [InlineData("2030-02-28", 17)]
    [InlineData("2030-03-01", 18)]
    [InlineData("2013-03-01", 1)]
    [InlineData("2016-02-28", 3)]
    [InlineData("2016-02-29", 4)]
    public void AgeOn_BornOnLeapDay_CountsWholeYears(string today, int expected)
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details() with { DateOfBirth = new DateOnly(2012, 2, 29) });

        Assert.Equal(expected, person.AgeOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AgeOn_PersonHasDied_AgeStopsAtDeath()
    {
        var person = Person.Create(PersonType.Adult, "Sam", "Smith", Details() with { DateOfBirth = new DateOnly(1980, 1, 1), DateOfDeath = new DateOnly(2020, 6, 1) });

        Assert.Equal(40, person.AgeOn(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void ChangeName_NewName_KeepsTheOldOneAsAPreviousName()
    {
        var person = Person.Create(PersonType.Child, "Riley", "Taylor", Details());

        person.ChangeName("Riley", " Evans ", new DateOnly(2026, 1, 5));

        Assert.Equal("Riley Evans", person.FullName);
        Assert.Equal(2, person.Names.Count);
        var previous = Assert.Single(person.Names, n => n.Kind == NameKind.Previous);
        Assert.Equal(("Taylor", new DateOnly(2026, 1, 5)), (previous.FamilyName, previous.UsedUntil));
        Assert.Equal("Evans", Assert.Single(person.Names, n => n.Kind == NameKind.Current).FamilyName);
    }

    [Fact]
    public void ChangeName_SameName_ChangesNothing()
    {
        var person = Person.Create(PersonType.Child, "Riley", "Taylor", Details());

        person.ChangeName(" Riley", "Taylor ", new DateOnly(2026, 1, 5));

        Assert.Equal(NameKind.Current, Assert.Single(person.Names).Kind);
    }

    [Fact]
    public void ChangeName_BlankFamilyName_RefusedAndKeepsTheCurrentName()
    {
        var person = Person.Create(PersonType.Child, "Riley", "Taylor", Details());

        Assert.Throws<DomainRuleException>(() => person.ChangeName("Riley", " ", new DateOnly(2026, 1, 5)));

        Assert.Equal("Riley Taylor", person.FullName);
    }

    [Fact]
    public void AddAlias_Name_AddedBesideTheCurrentName()
    {
        var person = Person.Create(PersonType.Child, "Riley", "Taylor", Details());

        person.AddAlias("Ri", "Jones");

        var alias = Assert.Single(person.Names, n => n.Kind == NameKind.Alias);
        Assert.Equal(("ri jones", (DateOnly?)null), (alias.SearchText, alias.UsedUntil));
        Assert.Equal("Riley Taylor", person.FullName);
    }

    [Fact]
    public void MoveTo_SecondAddress_EndsTheFirstTheDayBefore()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        var first = person.MoveTo("1 High Street", null, "Swindon", "sn1 2ab", new DateOnly(2020, 1, 1));

        var second = person.MoveTo("2 Low Road", "Flat 3", null, "SN3  4CD", new DateOnly(2024, 5, 1));

        Assert.Equal(new DateOnly(2024, 4, 30), first.To);
        Assert.False(first.IsCurrent);
        Assert.True(second.IsCurrent);
        Assert.Equal(("SN1 2AB", "SN3 4CD"), (first.Postcode, second.Postcode));
        Assert.Equal("2 Low Road, Flat 3, SN3 4CD", second.SingleLine);
    }

    [Theory]
    [InlineData("2020-01-01")]
    [InlineData("2019-12-31")]
    public void MoveTo_NotAfterTheCurrentAddressStarted_Refused(string from)
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        person.MoveTo("1 High Street", null, null, "SN1 2AB", new DateOnly(2020, 1, 1));

        var ex = Assert.Throws<DomainRuleException>(() =>
            person.MoveTo("2 Low Road", null, null, "SN3 4CD", DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("From", ex.Field);
        Assert.True(Assert.Single(person.Addresses).IsCurrent);
    }

    [Theory]
    [InlineData(" ", "SN1 2AB", "Line1")]
    [InlineData("1 High Street", "", "Postcode")]
    public void MoveTo_MissingPart_Refused(string line1, string postcode, string field)
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => person.MoveTo(line1, null, null, postcode, new DateOnly(2020, 1, 1))).Field);
    }

    [Fact]
    public void Restrict_AllowList_OnlyThoseAllowedMaySee()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        var allowed = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        Assert.True(person.IsAllowed(other));

        person.Restrict(RestrictionReason.Adoption, new DateOnly(2026, 11, 24), new DateOnly(2027, 2, 22), [allowed, allowed]);

        Assert.True(person.IsRestricted);
        Assert.True(person.IsAllowed(allowed));
        Assert.False(person.IsAllowed(other));
        Assert.Single(person.RestrictionGrants);
    }

    [Fact]
    public void Restrict_ReviewNotAfterTheRestriction_Refused()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());

        var ex = Assert.Throws<DomainRuleException>(() =>
            person.Restrict(RestrictionReason.HighProfile, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), []));

        Assert.Equal("ReviewDue", ex.Field);
        Assert.False(person.IsRestricted);
    }

    [Fact]
    public void LiftRestriction_Restricted_EveryoneMaySeeAgain()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        person.Restrict(RestrictionReason.Adoption, new DateOnly(2026, 11, 24), new DateOnly(2027, 2, 22), [Guid.CreateVersion7()]);

        person.LiftRestriction();

        Assert.False(person.IsRestricted);
        Assert.Null(person.RestrictionReviewDue);
        Assert.Empty(person.RestrictionGrants);
        Assert.True(person.IsAllowed(Guid.CreateVersion7()));
    }

    [Fact]
    public void Disallow_AllowedUser_NoLongerSees()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        var user = Guid.CreateVersion7();
        person.Restrict(RestrictionReason.Adoption, new DateOnly(2026, 11, 24), new DateOnly(2027, 2, 22), [user]);

        person.Disallow(user);

        Assert.False(person.IsAllowed(user));
    }

    [Fact]
    public void Stamp_NewThenChanged_KeepsCreatedTimeAndReplacesTheVersion()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        var created = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        person.Stamp(created, Guid.CreateVersion7(), "Fran Door", isNew: true);
        var firstVersion = person.Version;

        person.Stamp(created.AddHours(1), null, "Alex First", isNew: false);

        Assert.Equal(created, person.CreatedAtUtc);
        Assert.Equal(created.AddHours(1), person.UpdatedAtUtc);
        Assert.Equal("Alex First", person.UpdatedByName);
        Assert.NotEqual(firstVersion, person.Version);
    }

    [Theory]
    [InlineData("100001", true)]
    [InlineData("ABC123", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("123456789012345678901", false)] // rule 1570: more than 20
    [InlineData("1000-01", false)] // rule 1580: letters and digits only
    [InlineData("", false)]
    public void Rules1570And1580_ALocalId_IsAtMost20LettersAndDigits(string value, bool valid) => Assert.Equal(valid, LocalIdentifier.IsValid(value));

    [Fact]
    public void ALocalId_IsGivenOnce_AndNeverChanges()
    {
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details());

        person.AssignLocalId("100001");

        Assert.Throws<InvalidOperationException>(() => person.AssignLocalId("100002"));
        Assert.Equal("100001", person.LocalId);
    }

    [Fact]
    public void Rules303And304_UascStatus_CeasesOnlyForAUascChild_NotBeforeItBegan_AndByTheir18thBirthday()
    {
        var today = new DateOnly(2033, 11, 24);
        var person = Person.Create(PersonType.Child, "Sam", "Smith", Details()); // born 10 June 2015

        Assert.Equal("UascCeasedOn", Assert.Throws<DomainRuleException>(() => person.RecordUascStatus(false, null, new DateOnly(2031, 1, 1), today)).Field);
        Assert.Equal("UascFrom", Assert.Throws<DomainRuleException>(() => person.RecordUascStatus(true, null, null, today)).Field);
        Assert.Equal("UascCeasedOn", Assert.Throws<DomainRuleException>(() => person.RecordUascStatus(true, new DateOnly(2031, 1, 1), new DateOnly(2030, 12, 31), today)).Field);
        var late = Assert.Throws<DomainRuleException>(() => person.RecordUascStatus(true, new DateOnly(2031, 1, 1), Born.AddYears(18).AddDays(1), today));
        Assert.Equal(("UascCeasedOn", "UASC status ceases on or before the child's 18th birthday, 10 June 2033"), (late.Field, late.Message));
        Assert.False(person.Uasc);

        person.RecordUascStatus(true, new DateOnly(2031, 1, 1), Born.AddYears(18), today);
        Assert.Equal((true, new DateOnly(2031, 1, 1), Born.AddYears(18)), (person.Uasc, person.UascFrom, person.UascCeasedOn));

        person.RecordUascStatus(false, null, null, today);
        Assert.Equal((false, (DateOnly?)null, (DateOnly?)null), (person.Uasc, person.UascFrom, person.UascCeasedOn));
    }

    [Fact]
    public void Rule174_AYoungPersonRecordedAsMale_CannotBeRecordedAsAMother_AndTheFirstChildIsBornAfterHer()
    {
        var today = new DateOnly(2032, 11, 24);
        var boy = Person.Create(PersonType.Child, "Sam", "Smith", Details());
        var girl = Person.Create(PersonType.Child, "Ava", "Smith", Details() with { Sex = Sex.Female });

        Assert.Equal("IsMother", Assert.Throws<DomainRuleException>(() => boy.RecordMotherhood(true, new DateOnly(2032, 1, 1), today)).Field);
        Assert.Equal("FirstChildBornOn", Assert.Throws<DomainRuleException>(() => girl.RecordMotherhood(true, null, today)).Field);
        Assert.Equal("FirstChildBornOn", Assert.Throws<DomainRuleException>(() => girl.RecordMotherhood(true, Born, today)).Field);
        Assert.Equal("FirstChildBornOn", Assert.Throws<DomainRuleException>(() => girl.RecordMotherhood(true, today.AddDays(1), today)).Field);
        var young = Assert.Throws<DomainRuleException>(() => girl.RecordMotherhood(true, new DateOnly(2024, 1, 1), today)); // born 10 June 2015
        Assert.Equal(("FirstChildBornOn", "Check the dates: she would have been 8 when her first child was born"), (young.Field, young.Message));
        Assert.Null(girl.IsMother);

        girl.RecordMotherhood(true, new DateOnly(2032, 1, 1), today);
        Assert.Equal((true, new DateOnly(2032, 1, 1)), (girl.IsMother, girl.FirstChildBornOn));
        girl.RecordMotherhood(false, null, today);
        Assert.Equal((false, (DateOnly?)null), (girl.IsMother, girl.FirstChildBornOn));
        boy.RecordMotherhood(false, null, today);
        Assert.False(boy.IsMother);
    }

    private static PersonDetails Details() =>
        new(Born, null, null, Sex.Male, null, null, null, false, null, null, null);
}
