using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

internal static class AssessmentLoader
{
    public static async Task<ChildAndFamilyAssessment> LoadAsync(IAppDbContext db, Guid personId, Guid assessmentId, Guid? version, CancellationToken ct)
    {
        var assessment = await db.ChildAndFamilyAssessments.Include(a => a.Seen).SingleOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        if (version is { } v)
        {
            db.ExpectVersion(assessment, v);
        }

        return assessment;
    }
}
