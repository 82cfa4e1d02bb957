using ChildrenServices.Application.LookedAfter;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A page whose form holds the placement fields (<c>_PlacementFields</c>), whichever command it sends.</summary>
public interface IPlacementForm
{
    IPlacementInput Input { get; }
}
