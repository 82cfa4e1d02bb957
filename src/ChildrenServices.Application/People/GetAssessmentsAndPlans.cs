using ChildrenServices.Application.Security;
using ChildrenServices.Domain.SocialCare;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Every assessment and plan a child has had, open first then newest, each pointing at the page that
/// holds it: child and family assessments, section 47 enquiries, child in need and child protection plans,
/// early help episodes with their assessment and family plan, periods of care and pre-proceedings. Audited like the record.
/// </summary>
public static class GetAssessmentsAndPlans
{
    [RequiresPermission(Permission.ViewChildRecord)]
    public sealed record Query(Guid PersonId) : IQuery<IReadOnlyList<Item>>, IPersonScoped, IAudited;

    public enum Kind
    {
        ChildAndFamilyAssessment = 1,
        Section47Enquiry = 2,
        ChildInNeedPlan = 3,
        ChildProtectionPlan = 4,
        EarlyHelpEpisode = 5,
        EarlyHelpAssessment = 6,
        FamilyPlan = 7,
        PeriodOfCare = 8,
        PreProceedings = 9,
    }

    /// <summary>
    /// One assessment or plan. <paramref name="Detail"/> is a code or status for the kind (the CP category,
    /// the assessment's status); <paramref name="EpisodeId"/> is the early help episode it belongs to.
    /// </summary>
    public sealed record Item(Kind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? Detail, Guid? EpisodeId)
    {
        public bool IsOpen => EndedOn is null;
    }

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var id = query.PersonId;
            var items = new List<Item>();

            items.AddRange((await db.ChildAndFamilyAssessments.Where(a => a.ChildId == id)
                    .Select(a => new { a.StartedOn, a.AuthorisedOn, a.Status }).ToListAsync(cancellationToken))
                .Select(a => new Item(Kind.ChildAndFamilyAssessment, a.StartedOn, a.AuthorisedOn, a.Status.ToString(), null)));
            items.AddRange((await db.ChildProtectionEnquiries.Where(e => e.ChildId == id)
                    .Select(e => new { e.StrategyHeldOn, e.ConferenceHeldOn, e.ConferenceNeeded }).ToListAsync(cancellationToken))
                .Select(e => new Item(Kind.Section47Enquiry, e.StrategyHeldOn, e.ConferenceHeldOn, e.ConferenceNeeded is null ? null : e.ConferenceNeeded.Value ? "Conference" : "NoConference", null)));
            items.AddRange(await db.ChildInNeedPlans.Where(p => p.ChildId == id)
                .Select(p => new Item(Kind.ChildInNeedPlan, p.StartedOn, p.EndedOn, null, null)).ToListAsync(cancellationToken));
            items.AddRange(await db.ChildProtectionPlans.Where(p => p.ChildId == id)
                .Select(p => new Item(Kind.ChildProtectionPlan, p.StartedOn, p.EndedOn, p.LatestCategory, null)).ToListAsync(cancellationToken));
            items.AddRange(await db.PeriodsOfCare.Where(p => p.ChildId == id)
                .Select(p => new Item(Kind.PeriodOfCare, p.StartedOn, p.EndedOn, null, null)).ToListAsync(cancellationToken));
            items.AddRange((await db.PreProceedings.Where(p => p.ChildId == id)
                    .Select(p => new { p.StartedOn, p.DecidedOn, p.Outcome }).ToListAsync(cancellationToken))
                .Select(p => new Item(Kind.PreProceedings, p.StartedOn, p.DecidedOn, p.Outcome?.ToString(), null)));

            var episodes = await db.EarlyHelpEpisodes.Where(e => e.Children.Any(c => c.ChildId == id))
                .Select(e => new
                {
                    e.Id, e.StartedOn, e.EndedOn,
                    Assessment = db.EarlyHelpAssessments.Where(a => a.EpisodeId == e.Id).Select(a => new { a.CompletedOn }).FirstOrDefault(),
                    HasPlan = db.FamilyPlans.Any(p => p.EpisodeId == e.Id),
                })
                .ToListAsync(cancellationToken);
            foreach (var e in episodes)
            {
                items.Add(new Item(Kind.EarlyHelpEpisode, e.StartedOn, e.EndedOn, null, e.Id));
                if (e.Assessment is not null)
                {
                    items.Add(new Item(Kind.EarlyHelpAssessment, e.StartedOn, e.Assessment.CompletedOn, e.Assessment.CompletedOn is null ? "InProgress" : "Completed", e.Id));
                }

                if (e.HasPlan)
                {
                    items.Add(new Item(Kind.FamilyPlan, e.StartedOn, e.EndedOn, null, e.Id));
                }
            }

            return [.. items.OrderByDescending(i => i.IsOpen).ThenByDescending(i => i.StartedOn).ThenBy(i => i.Kind)];
        }
    }
}
