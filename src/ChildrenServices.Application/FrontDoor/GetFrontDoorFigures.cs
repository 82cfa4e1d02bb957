using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// The front door's headline figures for a period: contacts, consultations and how many ended as advice
/// only (Norfolk's measure), decisions within one working day, referrals and re-referrals. Counts every
/// contact, restricted children included: a figure that drops them is wrong.
/// </summary>
public static class GetFrontDoorFigures
{
    [RequiresPermission(Permission.ViewPerformance)]
    public sealed record Query : IQuery<Result>
    {
        /// <summary>First day of the period (UK date); defaults to 28 days before <see cref="To"/>.</summary>
        public DateOnly? From { get; init; }

        /// <summary>Last day of the period (UK date); defaults to today.</summary>
        public DateOnly? To { get; init; }
    }

    public sealed record Result(
        DateOnly From,
        DateOnly To,
        int Contacts,
        int Consultations,
        int AdviceOnly,
        int Decided,
        int DecidedWithinOneWorkingDay,
        int Referrals,
        int ReReferrals,
        int StrategyDiscussions,
        int EarlyHelp,
        int AwaitingDecision,
        int ConsultationsWithoutAChild)
    {
        public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var to = query.To ?? UkTime.Today(clock);
            var from = query.From ?? to.AddDays(-27);
            var start = UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var end = UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));

            // Deliberately not through RecordAccess: aggregate figures count every child.
            var contacts = db.Contacts.AsNoTracking().Where(c => c.ReceivedAtUtc >= start && c.ReceivedAtUtc < end);
            // The period's contacts first, then their decisions in force (a semi-join from every decision read them all).
            var decisions = contacts.Join(
                db.ContactDecisions.AsNoTracking().Where(d => d.SupersededById == null && (d.SignOff == SignOffState.NotNeeded || d.SignOff == SignOffState.Agreed)),
                c => c.Id, d => d.ContactId, (c, d) => d);
            var referrals = db.Referrals.AsNoTracking().Where(r => r.Status != ReferralStatus.Withdrawn && r.ReferralDate >= from && r.ReferralDate <= to);

            // Three reads, one per table, each counting everything it is asked in one pass (eleven counts took eleven).
            var c = await contacts.GroupBy(_ => 1).Select(g => new
            {
                All = g.Count(),
                Consultations = g.Count(x => x.Consultation != null),
                Awaiting = g.Count(x => x.Status != ContactStatus.Decided),
                ConsultationsWithoutAChild = g.Count(x => x.Consultation != null && x.People.All(p => p.Role != ContactPersonRole.Child) && !x.ReportedChildren.Any()),
            }).SingleOrDefaultAsync(cancellationToken);
            var d = await decisions.GroupBy(_ => 1).Select(g => new
            {
                All = g.Count(),
                AdviceOnly = g.Count(x => x.Outcome == ContactOutcome.AdviceOnly),
                Within = g.Count(x => x.WithinTimescale),
                EarlyHelp = g.Count(x => x.Outcome == ContactOutcome.EarlyHelp),
            }).SingleOrDefaultAsync(cancellationToken);
            var r = await referrals.GroupBy(_ => 1).Select(g => new
            {
                All = g.Count(),
                Again = g.Count(x => x.IsReReferral),
                Strategy = g.Count(x => x.ImmediateStrategyDiscussion),
            }).SingleOrDefaultAsync(cancellationToken);

            return new Result(
                from,
                to,
                c?.All ?? 0,
                c?.Consultations ?? 0,
                d?.AdviceOnly ?? 0,
                d?.All ?? 0,
                d?.Within ?? 0,
                r?.All ?? 0,
                r?.Again ?? 0,
                r?.Strategy ?? 0,
                d?.EarlyHelp ?? 0,
                c?.Awaiting ?? 0,
                c?.ConsultationsWithoutAChild ?? 0);
        }
    }
}
