using ChildrenServices.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Recording on an episode is for its keyworker and the managers of its team.</summary>
internal static class EpisodeRecording
{
    public static async Task EnsureCanRecordAsync(RecordAccess access, Guid episodeId, CancellationToken ct)
    {
        if (!await access.CanRecordEpisodeAsync(episodeId, ct))
        {
            throw new ForbiddenException(RecordAccess.EpisodeRecordingRefusal);
        }
    }

    public static async Task EnsureOpenAsync(IAppDbContext db, Guid episodeId, CancellationToken ct)
    {
        if (await db.EarlyHelpEpisodes.AnyAsync(e => e.Id == episodeId && e.EndedOn != null, ct))
        {
            throw new Domain.Common.DomainRuleException("This episode has ended", "Episode");
        }
    }
}
