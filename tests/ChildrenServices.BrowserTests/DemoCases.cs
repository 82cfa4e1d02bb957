using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.BrowserTests;

/// <summary>A case of its own for a journey, made from the demo data the way the front door and a manager would have made it.</summary>
internal static class DemoCases
{
    /// <summary>
    /// A child of school age in the demo data whom nobody holds, who is not moving team and was never referred, is referred
    /// to the Assessment Team <paramref name="referredDaysAgo"/> days ago and allocated to the demo social worker as lead.
    /// The referral and allocation are added, not saved: the journey adds what it needs on the case and saves once.
    /// <paramref name="order"/> picks among the candidates, so journeys take different children.
    /// </summary>
    public static async Task<(Guid ChildId, Referral Referral, Guid WorkerId)> ReferToTheSocialWorkerAsync(
        AppDbContext db, DateOnly today, int referredDaysAgo, Func<IQueryable<Person>, IOrderedQueryable<Person>> order, CancellationToken ct)
    {
        var worker = await db.Staff.Where(s => s.DisplayName == "Grace Okafor-Lyle").Select(s => s.Id).SingleAsync(ct);
        var team = await db.Teams.Where(t => t.Name == "Assessment Team").Select(t => new { t.Id, t.ManagerId }).SingleAsync(ct);
        var held = db.Allocations.Select(a => a.ChildId);
        var moving = db.CaseTransfers.SelectMany(t => t.Children.Select(c => c.ChildId));
        var referred = db.Referrals.Select(r => r.ChildId);
        var candidates = db.People.Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth < today.AddYears(-3) && p.DateOfBirth > today.AddYears(-15)
            && !held.Contains(p.Id) && !moving.Contains(p.Id) && !referred.Contains(p.Id));
        var child = await order(candidates).Select(p => p.Id).FirstAsync(ct);
        var since = today.AddDays(-referredDaysAgo);
        var referral = new Referral(child, null, since, "6", "N1", team.Id, false, null, WorkingDayCalendar.EnglandAndWales);
        db.Referrals.Add(referral);
        db.Allocations.Add(new Allocation(child, worker, team.Id, AllocationRole.Lead, since, team.ManagerId!.Value, "FCONTA"));
        return (child, referral, worker);
    }
}
