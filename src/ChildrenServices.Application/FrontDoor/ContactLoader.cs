using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

internal static class ContactLoader
{
    public static Task<Contact> FullAsync(IAppDbContext db, Guid id, CancellationToken ct) =>
        db.Contacts
            .Include(c => c.People).Include(c => c.ReportedChildren).Include(c => c.AgreedActions)
            .Include(c => c.MashChecks).Include(c => c.Decisions)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == id, ct);
}
