using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Returns;

namespace ChildrenServices.Domain.Tests.Returns;

public sealed class ReturnSettingsTests
{
    [Theory]
    [InlineData("865", "E06000054", true)]
    [InlineData("202", "E09000007", true)]
    [InlineData("86", "E06000054", false)] // the LA number is three digits (the CIN census's LEA)
    [InlineData("8650", "E06000054", false)]
    [InlineData("865", "W06000015", false)] // a Welsh council makes no DfE return
    [InlineData("865", "E07000123", false)] // a district council has no children's services
    [InlineData("865", "E0600005", false)]
    public void TheLaNumberAndOnsCode_AreRefusedUnlessTheyAreAnEnglishChildrensServicesCouncils(string la, string ons, bool valid)
    {
        var problems = ReturnSettings.Validate(la, ons, "ChildrenServices");

        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Throws<DomainRuleException>(() => new ReturnSettings(la, ons, "ChildrenServices"));
        }
    }

    [Fact]
    public void TheSoftwareName_IsNeeded_AndAtMost50Characters()
    {
        Assert.Contains(ReturnSettings.Validate("865", "E06000054", " "), p => p.Field == "SoftwareName");
        Assert.Contains(ReturnSettings.Validate("865", "E06000054", new string('x', 51)), p => p.Field == "SoftwareName");
        Assert.Equal("CSC", new ReturnSettings(" 865 ", "e06000054", " CSC ").SoftwareName);
    }
}
