namespace ChildrenServices.Application.People;

/// <summary>Local setting: how often a restriction is reviewed (domain.md suggests every 90 days).</summary>
public sealed class RestrictionSettings
{
    public int ReviewEveryDays { get; set; } = 90;
}
