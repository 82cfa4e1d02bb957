using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Recording;

/// <summary>A recorded date that may be corrected: the aggregate it is part of, what the record says, who recorded it and when, and how to correct it.</summary>
internal sealed record DateToCorrect(
    Aggregate Root,
    DateOnly On,
    string Summary,
    Guid? RecordedById,
    DateOnly? RecordedOn,
    Func<DateOnly, DateOnly, DateOnly> Correct)
{
    /// <summary>What the date field's hint says, where it depends on the record itself rather than its kind.</summary>
    public string? Hint { get; init; }
}

internal static class DateCorrections
{
    /// <summary>Loads the referral, or the review or visit on the child's plan or period of care, of the kind given, tracked for the correction.</summary>
    public static async Task<DateToCorrect> LoadAsync(IAppDbContext db, Guid personId, CorrectedRecord kind, Guid recordId, WorkingDayCalendar calendar, CancellationToken ct)
    {
        switch (kind)
        {
            case CorrectedRecord.AllocationStart:
            {
                var allocation = await db.Allocations.SingleOrDefaultAsync(a => a.Id == recordId && a.ChildId == personId, ct) ?? throw new NotFoundException("Page not found");
                var previousLead = allocation.Role == Domain.Allocations.AllocationRole.Lead
                    ? await db.Allocations.Where(a => a.ChildId == personId && a.Id != recordId && a.Role == Domain.Allocations.AllocationRole.Lead && a.EndedOn != null && a.StartedOn <= allocation.StartedOn)
                        .OrderByDescending(a => a.EndedOn).ThenByDescending(a => a.StartedOn).FirstOrDefaultAsync(ct)
                    : null;
                var worker = await db.Staff.Where(s => s.Id == allocation.WorkerId).Select(s => s.DisplayName).SingleAsync(ct);
                var recordedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(allocation.CreatedAtUtc, UkTime.Zone));
                var summary = $"{worker}, {(allocation.Role == Domain.Allocations.AllocationRole.Lead ? "lead worker" : "co-worker")}"
                    + (allocation.EndedOn is { } ended ? $", until {ended:d MMMM yyyy}" : ", now");
                return new(allocation, allocation.StartedOn, summary, allocation.AllocatedById, recordedOn, (on, today) => allocation.CorrectStart(on, previousLead, today));
            }

            case CorrectedRecord.InitialConference:
            {
                var enquiry = await db.ChildProtectionEnquiries.SingleOrDefaultAsync(e => e.Id == recordId && e.ChildId == personId && e.ConferenceHeldOn != null, ct)
                    ?? throw new NotFoundException("Page not found");
                var plan = await db.ChildProtectionPlans.Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.CoreGroups).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.EnquiryId == recordId, ct);
                var earlierPlans = plan is null ? [] : await db.ChildProtectionPlans.Where(p => p.ChildId == personId && p.Id != plan.Id && p.StartedOn < plan.StartedOn).ToListAsync(ct);
                var endedChildInNeedPlan = plan is null ? null : await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.EndedOn == enquiry.ConferenceHeldOn && p.EndReason == ChildInNeedPlan.EndedByChildProtectionPlan, ct);

                // The chair recorded it; the day is the enquiry's last save, when the chair made it.
                DateOnly? recordedOn = enquiry.UpdatedById is { } by && by == enquiry.ChairId
                    ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(enquiry.UpdatedAtUtc, UkTime.Zone))
                    : null;
                var summary = $"Outcome: {enquiry.ConferenceOutcome?.Describe()}" + (enquiry.InitialCategory is { } category ? $", category {category}" : string.Empty)
                    + (plan is null ? string.Empty : ". The child protection plan it made starts on the conference's date and moves with it");
                return new(enquiry, enquiry.ConferenceHeldOn!.Value, summary, enquiry.ChairId, recordedOn, (on, today) =>
                {
                    var from = enquiry.CorrectConferenceDate(on, today);
                    if (plan is not null)
                    {
                        PlanOverlap.EnsureChildProtectionPlanCanStart(on, earlierPlans);
                        plan.FollowConference(on);
                        endedChildInNeedPlan?.FollowChildProtectionPlanStart(on);
                    }

                    return from;
                });
            }

            case CorrectedRecord.ReferralDate:
            {
                var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == recordId && r.ChildId == personId, ct) ?? throw new NotFoundException("Page not found");
                var previous = await db.Referrals.Where(r => r.ChildId == personId && r.Id != recordId && r.ReferralDate <= referral.ReferralDate && r.Status != ReferralStatus.Withdrawn)
                    .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
                // The assessments follow the corrected date, so they are loaded; the first day of the rest of the work on the
                // referral comes back in one query.
                var assessments = await db.ChildAndFamilyAssessments.Where(a => a.ReferralId == recordId).ToListAsync(ct);
                var work = await db.Referrals.Where(r => r.Id == recordId).Select(r => new
                {
                    Strategy = db.ChildProtectionEnquiries.Where(e => e.ReferralId == recordId).Min(e => (DateOnly?)e.StrategyHeldOn),
                    ChildInNeed = db.ChildInNeedPlans.Where(p => p.ReferralId == recordId).Min(p => (DateOnly?)p.StartedOn),
                    Protection = db.ChildProtectionPlans.Where(p => p.ReferralId == recordId).Min(p => (DateOnly?)p.StartedOn),
                    PreProceedings = db.PreProceedings.Where(p => p.ReferralId == recordId).Min(p => (DateOnly?)p.StartedOn),
                }).SingleAsync(ct);
                var earliest = new[] { assessments.Min(a => (DateOnly?)a.StartedOn), work.Strategy, work.ChildInNeed, work.Protection, work.PreProceedings }.Min();
                var received = referral.ContactId is { } contactId
                    ? await db.Contacts.Where(c => c.Id == contactId).Select(c => (DateTime?)c.ReceivedAtUtc).SingleOrDefaultAsync(ct)
                    : null;
                DateOnly? receivedOn = received is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, UkTime.Zone)) : null;
                var summary = $"Referral from source {referral.SourceCode}, primary need {referral.PrimaryNeedCode}; assessment due {referral.AssessmentDueOn:d MMMM yyyy}";
                return new(referral, referral.ReferralDate, summary, null, null, (on, today) =>
                {
                    var from = referral.CorrectReferralDate(on, earliest, previous, calendar, today, receivedOn);
                    foreach (var assessment in assessments)
                    {
                        assessment.FollowReferral(referral);
                    }

                    return from;
                });
            }

            case CorrectedRecord.ChildInNeedReview or CorrectedRecord.ChildInNeedVisit:
            {
                var plan = await db.ChildInNeedPlans.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && (p.Reviews.Any(r => r.Id == recordId) || p.Visits.Any(v => v.Id == recordId)), ct)
                    ?? throw new NotFoundException("Page not found");
                if (kind == CorrectedRecord.ChildInNeedReview && plan.Reviews.SingleOrDefault(r => r.Id == recordId) is { } review)
                {
                    return new(plan, review.HeldOn, review.Summary, review.RecordedById, review.RecordedOn, (on, today) => plan.CorrectReviewDate(recordId, on, today));
                }

                var visit = plan.Visits.SingleOrDefault(v => v.Id == recordId && kind == CorrectedRecord.ChildInNeedVisit) ?? throw new NotFoundException("Page not found");
                return new(plan, visit.VisitedOn, Seen(visit.ChildSeen, visit.SeenAlone), visit.RecordedById, visit.RecordedOn, (on, today) => plan.CorrectVisitDate(recordId, on, today));
            }

            case CorrectedRecord.ChildProtectionReview or CorrectedRecord.ChildProtectionVisit:
            {
                var plan = await db.ChildProtectionPlans.Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.CoreGroups).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && (p.Reviews.Any(r => r.Id == recordId) || p.Visits.Any(v => v.Id == recordId)), ct)
                    ?? throw new NotFoundException("Page not found");
                if (kind == CorrectedRecord.ChildProtectionReview && plan.Reviews.SingleOrDefault(r => r.Id == recordId) is { } review)
                {
                    return new(plan, review.HeldOn, review.Decision, review.RecordedById, review.RecordedOn, (on, today) => plan.CorrectReviewDate(recordId, on, today));
                }

                var visit = plan.Visits.SingleOrDefault(v => v.Id == recordId && kind == CorrectedRecord.ChildProtectionVisit) ?? throw new NotFoundException("Page not found");
                return new(plan, visit.VisitedOn, Seen(visit.ChildSeen, visit.SeenAlone), visit.RecordedById, visit.RecordedOn, (on, today) => plan.CorrectVisitDate(recordId, on, today));
            }

            case CorrectedRecord.CareEpisodeStart:
            {
                var period = await db.PeriodsOfCare.Include(p => p.Episodes).Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.MissingEpisodes).Include(p => p.DeprivationOfLibertyOrders)
                    .AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.Episodes.Any(e => e.Id == recordId), ct)
                    ?? throw new NotFoundException("Page not found");
                var episode = period.Episodes.Single(e => e.Id == recordId);
                var born = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).SingleAsync(ct);
                var lastEnded = await db.PeriodsOfCare.Where(p => p.ChildId == personId && p.Id != period.Id && p.StartedOn < period.StartedOn)
                    .MaxAsync(p => p.EndedOn, ct);
                var first = period.Episodes[0].Id == recordId;
                // Care sits within an episode of need (CIN census): the period cannot start before the referral it began in.
                var referredOn = first
                    ? await db.Referrals.Where(r => r.ChildId == personId && r.Status != ReferralStatus.Withdrawn && r.ReferralDate <= episode.StartedOn).MaxAsync(r => (DateOnly?)r.ReferralDate, ct)
                    : null;
                var summary = $"{episode.WhatHappened} ({episode.ReasonForNewEpisode}): legal status {episode.LegalStatus}, placement {episode.Placement.Type} with {episode.Placement.Carer}"
                    + (first ? ". The period of care starts on this day and moves with it" : ". The episode before it ends on this day and moves with it");
                return new(period, episode.StartedOn, summary, episode.RecordedById, episode.RecordedOn, (on, today) =>
                {
                    if (referredOn is { } referral && on < referral)
                    {
                        throw new DomainRuleException($"The child's care began within the referral of {referral:d MMMM yyyy}: correct the referral's date first to start care before it", "HeldOn");
                    }

                    return period.CorrectEpisodeStart(recordId, on, today, born, lastEnded);
                })
                {
                    Hint = first
                        ? "After the child's last period of care ended, before the next change and not after anything recorded in the period. The rules for a placement starting that day apply again"
                        : "After the episode before it began and before the one after it. The rules for a placement starting that day apply again",
                };
            }

            case CorrectedRecord.CareEnd:
            {
                var period = await db.PeriodsOfCare.Include(p => p.Episodes).Include(p => p.Reviews).Include(p => p.Visits).Include(p => p.MissingEpisodes).Include(p => p.DeprivationOfLibertyOrders)
                    .AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && p.Id == recordId && p.EndedOn != null, ct)
                    ?? throw new NotFoundException("Page not found");
                var nextStarted = await db.PeriodsOfCare.Where(p => p.ChildId == personId && p.StartedOn > period.StartedOn).MinAsync(p => (DateOnly?)p.StartedOn, ct);
                var summary = $"Stopped being looked after: {Domain.Codes.Ssda903Codes.ReasonEpisodeCeased.DescriptionOf(period.ReasonCeased!)} ({period.ReasonCeased}). The last episode ends on this day and moves with it";
                return new(period, period.EndedOn!.Value, summary, period.EndRecordedById, period.EndRecordedOn, (on, today) => period.CorrectEndDate(on, today, nextStarted));
            }

            case CorrectedRecord.LookedAfterReview or CorrectedRecord.LookedAfterVisit:
            {
                var period = await db.PeriodsOfCare.Include(p => p.Reviews).Include(p => p.Visits).AsSplitQuery()
                    .SingleOrDefaultAsync(p => p.ChildId == personId && (p.Reviews.Any(r => r.Id == recordId) || p.Visits.Any(v => v.Id == recordId)), ct)
                    ?? throw new NotFoundException("Page not found");
                if (kind == CorrectedRecord.LookedAfterReview && period.Reviews.SingleOrDefault(r => r.Id == recordId) is { } review)
                {
                    var born = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).SingleAsync(ct);
                    var summary = $"Participation {review.ParticipationCode}" + (review.Attendees is { } who ? $". Attended: {who}" : string.Empty);
                    return new(period, review.HeldOn, summary, review.RecordedById, review.RecordedOn, (on, today) => period.CorrectReviewDate(recordId, on, today, born));
                }

                var visit = period.Visits.SingleOrDefault(v => v.Id == recordId && kind == CorrectedRecord.LookedAfterVisit) ?? throw new NotFoundException("Page not found");
                return new(period, visit.VisitedOn, Seen(visit.ChildSeen, visit.SeenAlone), visit.RecordedById, visit.RecordedOn, (on, today) => period.CorrectVisitDate(recordId, on, today));
            }

            default:
                throw new NotFoundException("Page not found");
        }
    }

    private static string Seen(bool seen, bool alone) => alone ? "The child was seen alone" : seen ? "The child was seen" : "The child was not seen";
}
