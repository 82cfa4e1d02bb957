using ChildrenServices.Domain.People;
using Xunit;

namespace ChildrenServices.Domain.Tests.People;

public class NhsNumberTests
{
    // Expected check digits were worked out by a separate script from the modulus 11 rule
    // (weights 10..2, check = 11 − remainder, 11 → 0, 10 → never issued).
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData(" 943 476 5919 ", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    [InlineData("4857773457", "4857773457")]
    [InlineData("1000000001", "1000000001")] // remainder 10 gives check digit 1
    [InlineData("0000000108", "0000000108")] // leading zeros are kept: the number is text, not an integer
    [InlineData("4010232110", "4010232110")] // remainder 0 gives 11, which becomes check digit 0
    public void TryParse_ValidNumber_ReturnsNormalisedDigits(string input, string expected)
    {
        var parsed = NhsNumber.TryParse(input, out var nhsNumber);

        Assert.True(parsed);
        Assert.Equal(expected, nhsNumber!.Value);
        Assert.Equal(expected, nhsNumber.ToString());
    }

    [Theory]
    [InlineData("9434765918")] // check digit one too low
    [InlineData("9434765910")]
    [InlineData("4010232138")]
    [InlineData("4010232111")] // check digit should be 0
    [InlineData("9434765991")] // last two digits transposed
    public void TryParse_WrongCheckDigit_ReturnsFalse(string input)
    {
        Assert.False(NhsNumber.TryParse(input, out var nhsNumber));
        Assert.Null(nhsNumber);
    }

    [Theory]
    [InlineData("1234567890")] // 123456789 gives check value 10: no check digit can make it valid
    [InlineData("1234567891")]
    [InlineData("1234567899")]
    [InlineData("4000000080")] // 400000008 gives check value 10
    [InlineData("4000000085")]
    public void TryParse_FirstNineDigitsGiveCheckValueTen_ReturnsFalse(string input)
    {
        Assert.False(NhsNumber.IsValid(input));
    }

    [Theory]
    [InlineData("0000000000")]
    [InlineData("1111111111")]
    [InlineData("5555555555")]
    [InlineData("9999999999")]
    [InlineData("999 999 9999")]
    public void TryParse_RepeatedDigitPlaceholder_ReturnsFalse(string input)
    {
        Assert.False(NhsNumber.IsValid(input));
    }

    [Theory]
    [InlineData("943476591")] // 9 digits
    [InlineData("94347659190")] // 11 digits
    [InlineData("9434765919 1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void TryParse_WrongLength_ReturnsFalse(string input)
    {
        Assert.False(NhsNumber.IsValid(input));
    }

    [Theory]
    [InlineData("943476591A")]
    [InlineData("A434765919")]
    [InlineData("943.476.5919")] // only spaces and hyphens are separators
    [InlineData("943/476/5919")]
    [InlineData("943\t476\t5919")]
    [InlineData("٩٤٣٤٧٦٥٩١٩")] // Arabic-Indic digits for 9434765919
    [InlineData("\u0660434765910")] // Arabic-Indic zero first: would pass the sum if read as a digit by char code
    [InlineData("９４３４７６５９１９")] // full-width digits for 9434765919
    public void TryParse_NonDigitCharacters_ReturnsFalse(string input)
    {
        Assert.False(NhsNumber.IsValid(input));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(NhsNumber.TryParse(null, out var nhsNumber));
        Assert.Null(nhsNumber);
    }

    [Fact]
    public void Parse_ValidNumber_ReturnsNumber()
    {
        Assert.Equal("4010232137", NhsNumber.Parse("401 023 2137").Value);
    }

    [Theory]
    [InlineData("9434765918")]
    [InlineData("abc")]
    [InlineData("")]
    public void Parse_InvalidNumber_ThrowsFormatExceptionNamingInput(string input)
    {
        var exception = Assert.Throws<FormatException>(() => NhsNumber.Parse(input));

        Assert.Contains($"'{input}'", exception.Message);
        Assert.Contains("NHS number", exception.Message);
    }

    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943-476-5919", "943 476 5919")]
    [InlineData("0000000108", "000 000 0108")]
    public void Formatted_ValidNumber_GroupsThreeThreeFour(string input, string expected)
    {
        Assert.Equal(expected, NhsNumber.Parse(input).Formatted);
    }

    [Fact]
    public void Equals_SameNumberWrittenDifferently_AreEqual()
    {
        var spaced = NhsNumber.Parse("943 476 5919");
        var plain = NhsNumber.Parse("9434765919");

        Assert.Equal(plain, spaced);
        Assert.Equal(plain.GetHashCode(), spaced.GetHashCode());
        Assert.NotEqual(plain, NhsNumber.Parse("4010232137"));
    }

    [Theory]
    [InlineData("943476591", "9434765919")]
    [InlineData("401023213", "4010232137")]
    [InlineData("100000000", "1000000001")]
    [InlineData("401023211", "4010232110")]
    public void Create_NineDigits_AppendsCheckDigit(string nineDigits, string expected)
    {
        var created = NhsNumber.Create(nineDigits);

        Assert.NotNull(created);
        Assert.Equal(expected, created.Value);
        Assert.True(NhsNumber.IsValid(created.Value));
    }

    [Theory]
    [InlineData("123456789")] // check value 10
    [InlineData("400000008")] // check value 10
    [InlineData("000000000")] // would make the 0000000000 placeholder
    [InlineData("777777777")] // would make the 7777777777 placeholder
    public void Create_DigitsThatCannotBeValid_ReturnsNull(string nineDigits)
    {
        Assert.Null(NhsNumber.Create(nineDigits));
    }

    [Theory]
    [InlineData("94347659")]
    [InlineData("9434765919")]
    [InlineData("94347659A")]
    [InlineData("943 47659")]
    public void Create_NotNineDigits_ThrowsArgumentException(string nineDigits)
    {
        var exception = Assert.Throws<ArgumentException>(() => NhsNumber.Create(nineDigits));

        Assert.Equal("nineDigits", exception.ParamName);
    }

    [Fact]
    public void Create_EveryNineDigitPrefixInASample_AgreesWithIsValid()
    {
        // Guards Create and TryParse against drifting apart: for each prefix exactly one of the
        // ten possible last digits is valid, or none when Create gives null.
        for (var prefix = 400_000_000; prefix < 400_000_000 + 2_000; prefix++)
        {
            var nine = prefix.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var created = NhsNumber.Create(nine);
            var validLastDigits = Enumerable.Range(0, 10).Count(d => NhsNumber.IsValid(nine + d));

            Assert.Equal(created is null ? 0 : 1, validLastDigits);
        }
    }
}
