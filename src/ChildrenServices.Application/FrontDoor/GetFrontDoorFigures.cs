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

            return new Result(
                from,
                to,
                await contacts.CountAsync(cancellationToken),
                await contacts.CountAsync(c => c.Consultation != null, cancellationToken),
                await decisions.CountAsync(d => d.Outcome == ContactOutcome.AdviceOnly, cancellationToken),
                await decisions.CountAsync(cancellationToken),
                await decisions.CountAsync(d => d.WithinTimescale, cancellationToken),
                await referrals.CountAsync(cancellationToken),
                await referrals.CountAsync(r => r.IsReReferral, cancellationToken),
                await referrals.CountAsync(r => r.ImmediateStrategyDiscussion, cancellationToken),
                await decisions.CountAsync(d => d.Outcome == ContactOutcome.EarlyHelp, cancellationToken),
                await contacts.CountAsync(c => c.Status != ContactStatus.Decided, cancellationToken),
                await contacts.CountAsync(c => c.Consultation != null && c.People.All(p => p.Role != ContactPersonRole.Child) && !c.ReportedChildren.Any(), cancellationToken));
        }
    }
}
