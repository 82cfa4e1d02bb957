using ChildrenServices.Domain.Common;

namespace ChildrenServices.Domain.People;

/// <summary>The people a plan is made for: who lives together, with when they joined and left.</summary>
public sealed class Household : Aggregate
{
    private readonly List<HouseholdMember> members = [];

    private Household()
    {
        Name = string.Empty;
    }

    public Household(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter a name for the household", "Name");
        }

        Name = name.Trim();
    }

    public string Name { get; private set; }

    public IReadOnlyList<HouseholdMember> Members => members;

    public void Join(Guid personId, DateOnly from)
    {
        if (members.Any(m => m.PersonId == personId && m.LeftOn is null))
        {
            throw new DomainRuleException("This person is already a member of the household", "PersonId");
        }

        members.Add(new HouseholdMember(Id, personId, from));
    }

    public void Leave(Guid personId, DateOnly on)
    {
        var member = members.SingleOrDefault(m => m.PersonId == personId && m.LeftOn is null)
            ?? throw new DomainRuleException("This person is not a current member of the household", "PersonId");
        member.Leave(on);
    }
}

public sealed class HouseholdMember : IPartOf<Household>
{
    private HouseholdMember()
    {
    }

    internal HouseholdMember(Guid householdId, Guid personId, DateOnly joinedOn)
    {
        HouseholdId = householdId;
        PersonId = personId;
        JoinedOn = joinedOn;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; private init; }

    Guid IPartOf.RootId => HouseholdId;

    public Guid PersonId { get; private init; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    internal void Leave(DateOnly on)
    {
        if (on < JoinedOn)
        {
            throw new DomainRuleException("The date they left cannot be before the date they joined", "LeftOn");
        }

        LeftOn = on;
    }
}
