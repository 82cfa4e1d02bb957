using ChildrenServices.Application.LookedAfter;
using Mediator;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A page about the child's care: the identity bar and the periods of care, loaded in one place for GET and a refused POST.</summary>
public abstract class LookedAfterPageModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    public GetPeriodsOfCare.Result Care { get; private set; } = new([], false, false);

    protected async Task LoadCareAsync(Guid id)
    {
        await LoadPersonAsync(id);
        Care = await Sender.Send(new GetPeriodsOfCare.Query(id));
    }
}

/// <summary>A page whose form holds the placement fields (<c>_PlacementFields</c>), whichever command it sends.</summary>
public interface IPlacementForm
{
    IPlacementInput Input { get; }
}
