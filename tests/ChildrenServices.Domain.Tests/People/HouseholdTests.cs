using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using Xunit;

namespace ChildrenServices.Domain.Tests.People;

public class HouseholdTests
{
    private static readonly Guid Person = Guid.CreateVersion7();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_Refused(string name)
    {
        Assert.Equal("Name", Assert.Throws<DomainRuleException>(() => new Household(name)).Field);
    }

    [Fact]
    public void Join_AlreadyACurrentMember_Refused()
    {
        var household = new Household("Smith household");
        household.Join(Person, new DateOnly(2026, 1, 1));

        Assert.Throws<DomainRuleException>(() => household.Join(Person, new DateOnly(2026, 2, 1)));
        Assert.Single(household.Members);
    }

    [Fact]
    public void Join_AfterLeaving_AddsAFreshMembership()
    {
        var household = new Household("Smith household");
        household.Join(Person, new DateOnly(2026, 1, 1));
        household.Leave(Person, new DateOnly(2026, 3, 1));

        household.Join(Person, new DateOnly(2026, 6, 1));

        Assert.Equal(2, household.Members.Count);
        Assert.Equal(new DateOnly(2026, 3, 1), household.Members[0].LeftOn);
        Assert.Null(household.Members[1].LeftOn);
        Assert.All(household.Members, m => Assert.Equal(household.Id, m.HouseholdId));
    }

    [Fact]
    public void Leave_NotACurrentMember_Refused()
    {
        var household = new Household("Smith household");

        Assert.Equal("PersonId", Assert.Throws<DomainRuleException>(() => household.Leave(Person, new DateOnly(2026, 1, 1))).Field);
    }

    [Fact]
    public void Leave_BeforeJoining_Refused()
    {
        var household = new Household("Smith household");
        household.Join(Person, new DateOnly(2026, 1, 10));

        var ex = Assert.Throws<DomainRuleException>(() => household.Leave(Person, new DateOnly(2026, 1, 9)));

        Assert.Equal("LeftOn", ex.Field);
        Assert.Null(Assert.Single(household.Members).LeftOn);
    }

    [Fact]
    public void Leave_SameDayAsJoining_Allowed()
    {
        var household = new Household("Smith household");
        household.Join(Person, new DateOnly(2026, 1, 10));

        household.Leave(Person, new DateOnly(2026, 1, 10));

        Assert.Equal(new DateOnly(2026, 1, 10), Assert.Single(household.Members).LeftOn);
    }
}
