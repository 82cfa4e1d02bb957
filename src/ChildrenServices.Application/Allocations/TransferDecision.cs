using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Allocations;

internal static class TransferDecision
{
    public static async Task<CaseTransfer> LoadAsync(IAppDbContext db, RecordAccess access, Guid transferId, Guid version, CancellationToken ct)
    {
        var transfer = await db.CaseTransfers.Include(t => t.Children).SingleOrDefaultAsync(t => t.Id == transferId, ct)
            ?? throw new NotFoundException("Page not found");
        if (await access.FirstHiddenAsync(transfer.Children.Select(c => c.ChildId).ToList(), ct) is not null)
        {
            throw new NotFoundException("Page not found");
        }

        db.ExpectVersion(transfer, version);
        return transfer;
    }
}
