using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.Teams;

public enum TeamKind
{
    FrontDoor = 1,
    EarlyHelp = 2,
    Assessment = 3,
    ChildInNeedAndProtection = 4,
    ChildrenLookedAfter = 5,
}

public static class TeamKindText
{
    public static string Describe(this TeamKind kind) => kind switch
    {
        TeamKind.FrontDoor => "Front door (MASH)",
        TeamKind.EarlyHelp => "Early help locality",
        TeamKind.Assessment => "Assessment",
        TeamKind.ChildInNeedAndProtection => "Children in need and child protection locality",
        TeamKind.ChildrenLookedAfter => "Children looked after",
        _ => kind.ToString(),
    };
}

/// <summary>A team of practitioners with one manager. Membership is what the manager line is drawn from.</summary>
public sealed class Team : Aggregate
{
    private readonly List<TeamMember> members = [];

    private Team()
    {
        Name = string.Empty;
    }

    public Team(string name, TeamKind kind, int caseloadCapacityPerWorker)
    {
        Name = string.Empty;
        Rename(name);
        Kind = kind;
        SetCapacity(caseloadCapacityPerWorker);
    }

    public string Name { get; private set; }

    public TeamKind Kind { get; private set; }

    public Guid? ManagerId { get; private set; }

    /// <summary>The caseload a full-time worker in this team is expected to hold (a local setting).</summary>
    public int CaseloadCapacityPerWorker { get; private set; }

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<TeamMember> Members => members;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the team name", "Name");
        }

        Name = name.Trim();
    }

    public void SetCapacity(int capacity)
    {
        if (capacity is < 1 or > 100)
        {
            throw new DomainRuleException("Caseload capacity must be between 1 and 100", "CaseloadCapacityPerWorker");
        }

        CaseloadCapacityPerWorker = capacity;
    }

    public void AppointManager(Guid userId)
    {
        ManagerId = userId;
        AddMember(userId);
    }

    public void AddMember(Guid userId)
    {
        if (members.All(m => m.UserId != userId))
        {
            members.Add(new TeamMember(Id, userId));
        }
    }

    public void RemoveMember(Guid userId)
    {
        if (ManagerId == userId)
        {
            throw new DomainRuleException("Appoint another manager before removing the team's manager", "UserId");
        }

        members.RemoveAll(m => m.UserId == userId);
    }
}

public sealed class TeamMember : IPartOf<Team>
{
    private TeamMember()
    {
    }

    internal TeamMember(Guid teamId, Guid userId)
    {
        TeamId = teamId;
        UserId = userId;
    }

    public Guid TeamId { get; private init; }

    Guid IPartOf.RootId => TeamId;

    public Guid UserId { get; private init; }
}
