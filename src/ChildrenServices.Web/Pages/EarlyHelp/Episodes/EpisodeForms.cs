using ChildrenServices.Application;
using ChildrenServices.Application.EarlyHelp;
using Mediator;

namespace ChildrenServices.Web.Pages.EarlyHelp.Episodes;

/// <summary>What the forms that record on a family's early help share, as a helper rather than a base class.</summary>
public static class EpisodeForms
{
    /// <summary>
    /// The episode a form records on, for its keyworker or a manager of its team only: a colleague who may read the family's
    /// early help is refused the form (403) as they would be refused the save, as a child's record's forms refuse a reader.
    /// </summary>
    public static async Task<GetEpisode.Result> ToRecordOnAsync(ISender sender, Guid episodeId)
    {
        var episode = await sender.Send(new GetEpisode.Query(episodeId));
        return episode.CanRecord
            ? episode
            : throw new ForbiddenException(Application.Security.RecordAccess.EpisodeRecordingRefusal);
    }
}
