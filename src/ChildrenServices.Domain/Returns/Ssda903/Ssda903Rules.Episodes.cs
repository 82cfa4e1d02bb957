using ChildrenServices.Domain.Returns.Cin;

namespace ChildrenServices.Domain.Returns.Ssda903;

public sealed partial class Ssda903Rules
{
    private partial void CheckEpisodes(LacChild child, Action<CensusRule, Guid?> fail)
    {
    }
}
