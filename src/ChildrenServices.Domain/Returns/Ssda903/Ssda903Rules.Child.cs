using ChildrenServices.Domain.Returns.Cin;

namespace ChildrenServices.Domain.Returns.Ssda903;

public sealed partial class Ssda903Rules
{
    private partial void CheckChild(LacChild child, Action<CensusRule, Guid?> fail)
    {
    }
}
