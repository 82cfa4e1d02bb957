namespace ChildrenServices.Application.People.Merging;

/// <summary>How long a merge can be undone (configuration section "Merging").</summary>
public sealed class MergeSettings
{
    public int UndoPeriodDays { get; set; } = 30;
}
