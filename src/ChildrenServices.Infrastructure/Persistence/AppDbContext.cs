using ChildrenServices.Application;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Infrastructure.Persistence;

/// <summary>
/// One model for both providers. Each provider has a context type of its own only so that its
/// migrations live apart (see docs/adr/0003-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options, ICurrentUser? user, TimeProvider? clock)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IAppDbContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonName> PersonNames => Set<PersonName>();

    public DbSet<Relationship> Relationships => Set<Relationship>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<MashCheck> MashChecks => Set<MashCheck>();

    public DbSet<ContactDecision> ContactDecisions => Set<ContactDecision>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<EarlyHelpRequest> EarlyHelpRequests => Set<EarlyHelpRequest>();

    public DbSet<EarlyHelpEpisode> EarlyHelpEpisodes => Set<EarlyHelpEpisode>();

    public DbSet<EarlyHelpAssessment> EarlyHelpAssessments => Set<EarlyHelpAssessment>();

    public DbSet<FamilyPlan> FamilyPlans => Set<FamilyPlan>();

    public DbSet<Domain.Approvals.ApprovalRequest> ApprovalRequests => Set<Domain.Approvals.ApprovalRequest>();

    public DbSet<Domain.Allocations.CaseTransfer> CaseTransfers => Set<Domain.Allocations.CaseTransfer>();

    public DbSet<ReviewingOfficerAllocation> ReviewingOfficerAllocations => Set<ReviewingOfficerAllocation>();

    public DbSet<Domain.SocialCare.ChildAndFamilyAssessment> ChildAndFamilyAssessments => Set<Domain.SocialCare.ChildAndFamilyAssessment>();

    public DbSet<Domain.Timescales.TimescaleSettings> TimescaleSettings => Set<Domain.Timescales.TimescaleSettings>();

    public DbSet<Domain.SocialCare.ChildInNeedPlan> ChildInNeedPlans => Set<Domain.SocialCare.ChildInNeedPlan>();

    public DbSet<Domain.SocialCare.ChildProtectionEnquiry> ChildProtectionEnquiries => Set<Domain.SocialCare.ChildProtectionEnquiry>();

    public DbSet<Domain.SocialCare.ChildProtectionPlan> ChildProtectionPlans => Set<Domain.SocialCare.ChildProtectionPlan>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OnlineRequestDraft> OnlineRequestDrafts => Set<OnlineRequestDraft>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<NoteAddendum> NoteAddenda => Set<NoteAddendum>();

    public DbSet<Domain.Drafts.FormDraft> FormDrafts => Set<Domain.Drafts.FormDraft>();

    public DbSet<Domain.LookedAfter.PeriodOfCare> PeriodsOfCare => Set<Domain.LookedAfter.PeriodOfCare>();

    /// <summary>Live and ended sign-in sessions: signing out ends one on the server (ADR 0014).</summary>
    public DbSet<Security.SignInSession> SignInSessions => Set<Security.SignInSession>();

    /// <summary>One-time form submission ids and where each first went (ADR 0015).</summary>
    public DbSet<Security.FormSubmission> FormSubmissions => Set<Security.FormSubmission>();

    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        OneOpen.UseProviderQuoting(builder, Database.IsSqlServer());
    }

    /// <summary>A save refused by a one-open index becomes the rule's field error, however the context was made (ADR 0019).</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(OneOpenRefusals.Instance);

    /// <summary>
    /// The audit trail is append-only, and every changed aggregate gets a new version and the name of
    /// whoever changed it — which is what a refused second writer is told.
    /// </summary>
    private void BeforeSave()
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

        // Detect once, then read the tracker without re-detecting: a save of a thousand seeded
        // families must not rescan every entry for every entry.
        ChangeTracker.DetectChanges();
        var entries = ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries cannot be changed or deleted");
        }

        var roots = entries.Where(e => e.Entity is Aggregate).ToDictionary(e => ((Aggregate)e.Entity).Id);
        var changed = roots.Values.Where(e => e.State is EntityState.Added or EntityState.Modified).ToHashSet();

        // Grandchildren (a plan's actions, a review's scores) find their root through their parent.
        Guid PlanOf(Guid goalId) => entries.Select(e => e.Entity).OfType<PlanGoal>().FirstOrDefault(g => g.Id == goalId)?.PlanId ?? Guid.Empty;
        Guid ReviewPlanOf(Guid reviewId) => entries.Select(e => e.Entity).OfType<TafReview>().FirstOrDefault(r => r.Id == reviewId)?.PlanId ?? Guid.Empty;
        Guid ClaReviewPeriodOf(Guid reviewId) => entries.Select(e => e.Entity).OfType<Domain.LookedAfter.ClaReview>().FirstOrDefault(r => r.Id == reviewId)?.PeriodOfCareId ?? Guid.Empty;

        // A change to a part of an aggregate (a new name, an ended address) versions its root as well.
        foreach (var part in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not Aggregate))
        {
            var ownerId = part.Entity switch
            {
                PersonName n => n.PersonId,
                Address a => a.PersonId,
                RestrictionGrant g => g.PersonId,
                TeamMember m => m.TeamId,
                HouseholdMember h => h.HouseholdId,
                ContactPerson c => c.ContactId,
                ReportedChild c => c.ContactId,
                AgreedAction c => c.ContactId,
                MashCheck c => c.ContactId,
                ContactDecision c => c.ContactId,
                EarlyHelpRequestChild c => c.RequestId,
                EpisodeChild c => c.EpisodeId,
                Domain.Approvals.ApprovalChild c => c.RequestId,
                Domain.Allocations.TransferChild c => c.TransferId,
                Domain.SocialCare.ChildSeen c => c.AssessmentId,
                Domain.SocialCare.CinReview r => r.PlanId,
                Domain.SocialCare.CinVisit v => v.PlanId,
                Domain.SocialCare.CoreGroup g => g.PlanId,
                Domain.SocialCare.CpReview r => r.PlanId,
                Domain.SocialCare.CpVisit v => v.PlanId,
                ChildVoice v => v.AssessmentId,
                PlanGoal g => g.PlanId,
                TafReview r => r.PlanId,
                PlanAction a => PlanOf(a.GoalId),
                GoalProgress g => ReviewPlanOf(g.ReviewId),
                NoteAddendum a => a.CaseNoteId,
                Domain.LookedAfter.CareEpisode e => e.PeriodOfCareId,
                Domain.LookedAfter.ClaReview r => r.PeriodOfCareId,
                Domain.LookedAfter.ReviewRecommendation r => ClaReviewPeriodOf(r.ClaReviewId),
                Domain.LookedAfter.ClaVisit v => v.PeriodOfCareId,
                Domain.LookedAfter.MissingEpisode m => m.PeriodOfCareId,
                _ => Guid.Empty,
            };
            if (ownerId != Guid.Empty && roots.TryGetValue(ownerId, out var owner) && owner.State == EntityState.Unchanged)
            {
                owner.Property(nameof(Aggregate.Version)).IsModified = true;
                changed.Add(owner);
            }
        }

        foreach (var entry in changed)
        {
            ((Aggregate)entry.Entity).Stamp(now, user?.UserId, user?.DisplayName, entry.State == EntityState.Added);
        }
    }
}
