using Mediator;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>A form about one missing episode of the latest period, named in the address.</summary>
public abstract class MissingFormModel<TCommand>(ISender sender, TimeProvider clock) : CareFormModel<TCommand>(sender, clock)
    where TCommand : class, IBaseCommand
{
    /// <summary>The missing episode the form is about, for the page to describe.</summary>
    public Application.LookedAfter.GetPeriodsOfCare.Missing? Episode => Care.Latest?.MissingEpisodes.FirstOrDefault(m => m.Id == MissingId);

    protected Guid MissingId => Guid.Parse(RouteData.Values["missingId"]!.ToString()!);

    protected override TCommand? NewInput() =>
        Care.Latest is { } period && Episode is { } missing
            ? NewInput(period, missing)
            : throw new Application.NotFoundException("Page not found");

    protected abstract TCommand NewInput(Application.LookedAfter.GetPeriodsOfCare.Period period, Application.LookedAfter.GetPeriodsOfCare.Missing missing);
}
