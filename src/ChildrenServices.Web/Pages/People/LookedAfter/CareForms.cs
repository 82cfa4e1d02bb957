using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using Mediator;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>
/// What the looked-after pages share, as helpers rather than a base class: the periods of care they show, the
/// overview a form returns to, and the missing episode a return or interview form is about.
/// </summary>
public static class CareForms
{
    /// <summary>Where every form about the child's care returns, with its banner.</summary>
    public const string Overview = "/People/LookedAfter/Index";

    public static GetPeriodsOfCare.Result None { get; } = new([], false, false);

    /// <summary>
    /// A "Check your answers" step sends no command, so it asks what the command would: whether this user may record on
    /// the record (403 otherwise, as the form's GET answers), before echoing anything back.
    /// </summary>
    public static async Task RequireRecordingAsync(Web.Infrastructure.PersonContext person, Microsoft.AspNetCore.Http.HttpContext http)
    {
        await person.LoadAsync(http.RequestAborted);
        if (!person.Header.CanRecord)
        {
            throw new ForbiddenException(Web.Infrastructure.PersonPageFilter.RefusalMessage);
        }
    }

    /// <summary>The child's periods of care, newest first, with what the user may record on them.</summary>
    public static async Task<GetPeriodsOfCare.Result> LoadAsync(ISender sender, Guid personId) =>
        await sender.Send(new GetPeriodsOfCare.Query(personId));

    /// <summary>A missing episode of the latest period, named in the address; none is "Page not found".</summary>
    public static (GetPeriodsOfCare.Period Period, GetPeriodsOfCare.Missing Missing) MissingEpisode(GetPeriodsOfCare.Result care, Guid missingId) =>
        care.Latest is { } period && period.MissingEpisodes.FirstOrDefault(m => m.Id == missingId) is { } missing
            ? (period, missing)
            : throw new NotFoundException("Page not found");
}
