using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Hide a child from everyone not on the allow-list. The manager restricting it, and everyone responsible
/// for the child (<see cref="RecordKeepers"/>), are always on the list, so a restriction never locks out the
/// team that holds the case.
/// </summary>
public static class RestrictRecord
{
    [RequiresPermission(Permission.RestrictRecords)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }

        public RestrictionReason? Reason { get; init; }

        public List<Guid> AllowedUserIds { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.Reason).NotNull().WithMessage("Select why the record is restricted").IsInEnum();
            RuleFor(c => c.AllowedUserIds)
                .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Staff.CountAsync(s => ids.Contains(s.Id) && !s.IsDisabled, ct) == ids.Distinct().Count())
                .WithMessage("Choose people who have active accounts");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, RestrictionSettings settings) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            var today = UkTime.Today(clock);

            // Those responsible for the child keep access whatever the list says; otherwise restricting would strand the case.
            var keepers = await RecordKeepers.ForAsync(db, command.PersonId, cancellationToken);
            var allowed = command.AllowedUserIds.Concat(keepers).Append(user.RequireUserId());
            person.Restrict(command.Reason!.Value, today, today.AddDays(settings.ReviewEveryDays), allowed);
            return Unit.Value;
        }
    }
}

/// <summary>
/// Who is responsible for a child and so always stays on a restricted record's allow-list: the allocated
/// workers (lead and co-workers), the managers of the teams holding the case (the lead's team, see
/// <see cref="RecordAccess.HoldingTeamIds"/>, the team an open referral is with, and the team of an open early
/// help episode), and the independent reviewing officers chairing the child's open
/// child protection plan or reviewing the open period of care.
/// </summary>
public static class RecordKeepers
{
    public static async Task<IReadOnlyList<Guid>> ForAsync(IAppDbContext db, Guid childId, CancellationToken ct)
    {
        var workers = await db.Allocations.Where(a => a.ChildId == childId && a.EndedOn == null).Select(a => a.WorkerId).ToListAsync(ct);
        var holding = RecordAccess.HoldingTeamIds(db, childId)
            .Concat(db.Referrals.Where(r => r.ChildId == childId && r.Status == Domain.SocialCare.ReferralStatus.Open).Select(r => r.TeamId))
            .Concat(db.EarlyHelpEpisodes.Where(e => e.EndedOn == null && e.Children.Any(c => c.ChildId == childId)).Select(e => e.TeamId));
        var managers = await db.Teams.Where(t => holding.Contains(t.Id) && t.ManagerId != null).Select(t => t.ManagerId!.Value).ToListAsync(ct);
        var openPlans = db.ChildProtectionPlans.Where(p => p.ChildId == childId && p.EndedOn == null);
        var conferenceChairs = await db.ChildProtectionEnquiries
            .Where(e => e.ChildId == childId && e.ChairId != null && (openPlans.Any(p => p.EnquiryId == e.Id) || (e.Section47 && e.ConferenceHeldOn == null)))
            .Select(e => e.ChairId!.Value).ToListAsync(ct);
        var reviewChairs = await openPlans.SelectMany(p => p.Reviews).Select(r => r.ChairId).ToListAsync(ct);
        var careReviewers = await db.PeriodsOfCare.Where(p => p.ChildId == childId && p.EndedOn == null)
            .SelectMany(p => p.Reviews).Select(r => r.ReviewingOfficerId).ToListAsync(ct);
        return [.. workers.Concat(managers).Concat(conferenceChairs).Concat(reviewChairs).Concat(careReviewers).Distinct()];
    }
}

/// <summary>Local setting: how often a restriction is reviewed (domain.md suggests every 90 days).</summary>
public sealed class RestrictionSettings
{
    public int ReviewEveryDays { get; set; } = 90;
}

public static class LiftRestriction
{
    [RequiresPermission(Permission.RestrictRecords)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var person = await db.People.Include(p => p.RestrictionGrants).SingleAsync(p => p.Id == command.PersonId, cancellationToken);
            db.ExpectVersion(person, command.Version);
            person.LiftRestriction();
            return Unit.Value;
        }
    }
}
