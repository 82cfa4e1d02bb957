using ChildrenServices.Domain.Codes;
using Xunit;

namespace ChildrenServices.Domain.Tests.Codes;

public class DfeCodesTests
{
    public static TheoryData<string, string[]> CodeSetsAndTheirValues => new()
    {
        { nameof(DfeCodes.Gender), ["1", "2", "0", "9"] },
        { nameof(DfeCodes.Sex), ["M", "F", "U"] },
        {
            nameof(DfeCodes.Ethnicity),
            ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
             "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"]
        },
        {
            nameof(DfeCodes.Disability),
            ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
        },
        {
            nameof(DfeCodes.ReferralSource),
            ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D",
             "6", "7", "8", "9", "10"]
        },
        { nameof(DfeCodes.PrimaryNeed), ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"] },
        {
            nameof(DfeCodes.ReasonForClosure),
            ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"]
        },
        { nameof(DfeCodes.CategoryOfAbuse), ["NEG", "PHY", "SAB", "EMO", "MUL"] },
        { nameof(DfeCodes.UpnUnknown), ["UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"] },
    };

    private static CodeSet ByName(string name) => name switch
    {
        nameof(DfeCodes.Gender) => DfeCodes.Gender,
        nameof(DfeCodes.Sex) => DfeCodes.Sex,
        nameof(DfeCodes.Ethnicity) => DfeCodes.Ethnicity,
        nameof(DfeCodes.Disability) => DfeCodes.Disability,
        nameof(DfeCodes.ReferralSource) => DfeCodes.ReferralSource,
        nameof(DfeCodes.PrimaryNeed) => DfeCodes.PrimaryNeed,
        nameof(DfeCodes.ReasonForClosure) => DfeCodes.ReasonForClosure,
        nameof(DfeCodes.CategoryOfAbuse) => DfeCodes.CategoryOfAbuse,
        nameof(DfeCodes.UpnUnknown) => DfeCodes.UpnUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such code set."),
    };

    [Theory]
    [MemberData(nameof(CodeSetsAndTheirValues))]
    public void Codes_EachSet_HoldsExactlyTheSchemaValues(string setName, string[] expected)
    {
        var actual = ByName(setName).Codes.Select(c => c.Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Theory]
    [InlineData("WBRI", "White British")]
    [InlineData("WROM", "Gypsy/Roma")]
    [InlineData("BOTH", "Any other black background")]
    [InlineData("NOBT", "Information not yet obtained")]
    public void DescriptionOf_EthnicityCode_ReturnsSchemaWording(string code, string expected)
    {
        Assert.Equal(expected, DfeCodes.Ethnicity.DescriptionOf(code));
    }

    [Theory]
    [InlineData("NONE", "No disability")]
    [InlineData("DDA", "Other")]
    [InlineData("AUT", "Autism")]
    public void DescriptionOf_DisabilityCode_ReturnsSchemaWording(string code, string expected)
    {
        Assert.Equal(expected, DfeCodes.Disability.DescriptionOf(code));
    }

    [Theory]
    [InlineData("0", "Not recorded or unborn")]
    [InlineData("9", "Indeterminate")]
    public void DescriptionOf_GenderCode_ReturnsSchemaWording(string code, string expected)
    {
        Assert.Equal(expected, DfeCodes.Gender.DescriptionOf(code));
    }

    [Theory]
    [InlineData("3E", "HEALTH SERVICES – A&E (accident and emergency department)")]
    [InlineData("5D", "LA SERVICES – early help")]
    [InlineData("10", "UNKNOWN")]
    public void DescriptionOf_ReferralSourceCode_ReturnsSchemaWording(string code, string expected)
    {
        Assert.Equal(expected, DfeCodes.ReferralSource.DescriptionOf(code));
    }

    [Theory]
    [InlineData("RC4", "Special guardianship order")]
    [InlineData("RC9", "Case closed after assessment, referred to early help")]
    [InlineData("MUL", "Multiple/not recommended")]
    [InlineData("UN7", "Referral with no further action")]
    public void DescriptionOf_OtherCodes_ReturnsSchemaWording(string code, string expected)
    {
        var set = code switch
        {
            ['R', 'C', ..] => DfeCodes.ReasonForClosure,
            ['U', 'N', ..] => DfeCodes.UpnUnknown,
            _ => DfeCodes.CategoryOfAbuse,
        };

        Assert.Equal(expected, set.DescriptionOf(code));
    }

    [Theory]
    [InlineData(2023, false)] // 2022/23: before RC9 existed
    [InlineData(2024, true)] // 2023/24: the year RC9 was added
    [InlineData(2026, true)]
    [InlineData(null, true)]
    public void Contains_Rc9_OnlyFromThe2024Collection(int? collectionYear, bool expected)
    {
        Assert.Equal(expected, DfeCodes.ReasonForClosure.Contains("RC9", collectionYear));
    }

    [Theory]
    [InlineData(2023, false)]
    [InlineData(2024, true)]
    public void Contains_ReferralSource5D_OnlyFromThe2024Collection(int collectionYear, bool expected)
    {
        Assert.Equal(expected, DfeCodes.ReferralSource.Contains("5D", collectionYear));
    }

    [Theory]
    [InlineData(2010)]
    [InlineData(2023)]
    [InlineData(2030)]
    public void Contains_OpenEndedCode_ValidInAnyYear(int collectionYear)
    {
        Assert.True(DfeCodes.ReasonForClosure.Contains("RC8", collectionYear));
    }

    [Theory]
    [InlineData(2024, true, false)] // last year of GenderCurrent
    [InlineData(2025, false, true)] // Sex replaces it
    [InlineData(2026, false, true)]
    public void Contains_GenderAndSex_SwitchOverIn2025(int collectionYear, bool genderValid, bool sexValid)
    {
        Assert.Equal(genderValid, DfeCodes.Gender.Contains("1", collectionYear));
        Assert.Equal(sexValid, DfeCodes.Sex.Contains("M", collectionYear));
        Assert.Equal(sexValid, DfeCodes.Sex.Contains("U", collectionYear));
    }

    [Theory]
    [InlineData(2024, "Abuse or neglect")]
    [InlineData(2025, "Abuse or neglect")]
    [InlineData(2026, "Abuse, neglect and exploitation")]
    [InlineData(null, "Abuse, neglect and exploitation")] // no year: current wording
    public void DescriptionOf_N1_UsesWordingOfTheCollectionYear(int? collectionYear, string expected)
    {
        Assert.Equal(expected, DfeCodes.PrimaryNeed.DescriptionOf("N1", collectionYear));
        Assert.True(DfeCodes.PrimaryNeed.Contains("N1", collectionYear));
    }

    [Theory]
    [InlineData("wbri")] // the schema enumerations are case-sensitive
    [InlineData("WBR")]
    [InlineData("")]
    [InlineData("WHITE")]
    public void Contains_UnknownOrWrongCaseValue_ReturnsFalse(string value)
    {
        Assert.False(DfeCodes.Ethnicity.Contains(value));
        Assert.Null(DfeCodes.Ethnicity.Find(value));
    }

    [Fact]
    public void Find_KnownValue_ReturnsEntryWithYears()
    {
        var rc9 = DfeCodes.ReasonForClosure.Find("RC9");

        Assert.NotNull(rc9);
        Assert.Equal("RC9", rc9.Value);
        Assert.Equal(2024, rc9.ValidFromYear);
        Assert.Null(rc9.ValidToYear);
    }

    [Fact]
    public void Find_ValueNotValidInYear_ReturnsNull()
    {
        Assert.Null(DfeCodes.ReasonForClosure.Find("RC9", 2023));
    }

    [Fact]
    public void DescriptionOf_UnknownValue_ThrowsKeyNotFoundNamingSetAndValue()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => DfeCodes.CategoryOfAbuse.DescriptionOf("XYZ"));

        Assert.Contains("'XYZ'", exception.Message);
        Assert.Contains("Category of abuse", exception.Message);
    }

    [Fact]
    public void DescriptionOf_ValueNotValidInYear_ThrowsKeyNotFoundNamingYear()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => DfeCodes.ReasonForClosure.DescriptionOf("RC9", 2023));

        Assert.Contains("2023", exception.Message);
    }

    [Fact]
    public void Constructor_OverlappingYearsForSameValue_Throws()
    {
        Code[] codes = [new("X1", "First", ValidToYear: 2025), new("X1", "Second", ValidFromYear: 2025)];

        var exception = Assert.Throws<ArgumentException>(() => new CodeSet("Test", codes));

        Assert.Contains("'X1'", exception.Message);
    }

    [Fact]
    public void Constructor_SameValueOpenEndedTwice_Throws()
    {
        Code[] codes = [new("X1", "First"), new("X1", "Second")];

        Assert.Throws<ArgumentException>(() => new CodeSet("Test", codes));
    }

    [Fact]
    public void Constructor_AdjacentYearsForSameValue_Succeeds()
    {
        var set = new CodeSet("Test", [new("X1", "Old", ValidToYear: 2025), new("X1", "New", ValidFromYear: 2026)]);

        Assert.Equal("Old", set.DescriptionOf("X1", 2025));
        Assert.Equal("New", set.DescriptionOf("X1", 2026));
    }

    [Fact]
    public void Code_EndsBeforeItStarts_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Code("X1", "Test", ValidFromYear: 2025, ValidToYear: 2024));

        Assert.Equal("ValidToYear", exception.ParamName);
    }

    [Theory]
    [InlineData("", "Description")]
    [InlineData(" ", "Description")]
    [InlineData("X1", "")]
    public void Code_BlankValueOrDescription_Throws(string value, string description)
    {
        Assert.Throws<ArgumentException>(() => new Code(value, description));
    }
}
