using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

internal static class PreProceedingsLoader
{
    /// <summary>The child's pre-proceedings with their meetings, as the form the user loaded saw them.</summary>
    public static async Task<PreProceedings> LoadAsync(IAppDbContext db, Guid personId, Guid preProceedingsId, Guid version, CancellationToken ct)
    {
        var record = await db.PreProceedings.Include(p => p.Meetings)
            .SingleOrDefaultAsync(p => p.Id == preProceedingsId && p.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        db.ExpectVersion(record, version);
        return record;
    }
}
