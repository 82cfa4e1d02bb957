using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Staff;

namespace ChildrenServices.Domain.Tests.Staff;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("SW12345", "SW12345")]
    [InlineData(" sw 12345 ", "SW12345")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void RuleSW02_ANumberIsSWAndDigits_TidiedAsGiven(string? given, string? kept) =>
        Assert.Equal(kept, StaffMember.NormaliseRegistrationNumber(given));

    [Theory]
    [InlineData("12345")] // no SW
    [InlineData("XX12345")] // not a Social Work England number
    [InlineData("SW")]
    [InlineData("SW12A45")]
    [InlineData("SW123456789012")]
    public void RuleSW02_AnythingElse_IsRefused(string given)
    {
        Assert.False(StaffMember.IsRegistrationNumber(given));
        Assert.Equal("RegistrationNumber", Assert.Throws<DomainRuleException>(() => StaffMember.NormaliseRegistrationNumber(given)).Field);
    }
}
