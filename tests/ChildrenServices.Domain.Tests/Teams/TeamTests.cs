using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Teams;
using Xunit;

namespace ChildrenServices.Domain.Tests.Teams;

public class TeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Create_CapacityAtTheLimits_Accepted(int capacity)
    {
        Assert.Equal(capacity, new Team("Assessment", TeamKind.Assessment, capacity).CaseloadCapacityPerWorker);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void Create_CapacityOutsideOneToHundred_Refused(int capacity)
    {
        var ex = Assert.Throws<DomainRuleException>(() => new Team("Assessment", TeamKind.Assessment, capacity));

        Assert.Equal("CaseloadCapacityPerWorker", ex.Field);
    }

    [Fact]
    public void Rename_BlankName_RefusedAndKeepsTheOldName()
    {
        var team = new Team(" Assessment ", TeamKind.Assessment, 18);

        Assert.Throws<DomainRuleException>(() => team.Rename(" "));

        Assert.Equal("Assessment", team.Name);
    }

    [Fact]
    public void AppointManager_NewManager_BecomesAMemberOnce()
    {
        var team = new Team("Assessment", TeamKind.Assessment, 18);
        var manager = Guid.CreateVersion7();
        team.AddMember(manager);

        team.AppointManager(manager);
        team.AddMember(manager);

        Assert.Equal(manager, team.ManagerId);
        var member = Assert.Single(team.Members);
        Assert.Equal((team.Id, manager), (member.TeamId, member.UserId));
    }

    [Fact]
    public void RemoveMember_TheManager_Refused()
    {
        var team = new Team("Assessment", TeamKind.Assessment, 18);
        var manager = Guid.CreateVersion7();
        team.AppointManager(manager);

        Assert.Throws<DomainRuleException>(() => team.RemoveMember(manager));
        Assert.Single(team.Members);
    }

    [Fact]
    public void RemoveMember_Worker_Removed()
    {
        var team = new Team("Assessment", TeamKind.Assessment, 18);
        var manager = Guid.CreateVersion7();
        var worker = Guid.CreateVersion7();
        team.AppointManager(manager);
        team.AddMember(worker);

        team.RemoveMember(worker);

        Assert.Equal(manager, Assert.Single(team.Members).UserId);
    }
}
