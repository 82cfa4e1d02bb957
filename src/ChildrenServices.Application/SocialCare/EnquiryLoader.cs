using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

internal static class EnquiryLoader
{
    public static async Task<ChildProtectionEnquiry> LoadAsync(IAppDbContext db, Guid personId, Guid enquiryId, Guid version, CancellationToken ct)
    {
        var enquiry = await db.ChildProtectionEnquiries.SingleOrDefaultAsync(e => e.Id == enquiryId && e.ChildId == personId, ct)
            ?? throw new NotFoundException("Page not found");
        db.ExpectVersion(enquiry, version);
        return enquiry;
    }
}
