using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.EarlyHelp;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.Notifications;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.SocialCare;
using ChildrenServices.Domain.Staff;
using ChildrenServices.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChildrenServices.Application;

/// <summary>The database as use cases see it. No repositories: handlers query these sets directly.</summary>
public interface IAppDbContext
{
    DbSet<Person> People { get; }

    DbSet<PersonName> PersonNames { get; }

    DbSet<Relationship> Relationships { get; }

    DbSet<Household> Households { get; }

    DbSet<Team> Teams { get; }

    DbSet<StaffMember> Staff { get; }

    DbSet<Allocation> Allocations { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Domain.Access.ReadingReason> ReadingReasons { get; }

    DbSet<Contact> Contacts { get; }

    DbSet<MashCheck> MashChecks { get; }

    DbSet<ContactDecision> ContactDecisions { get; }

    DbSet<Referral> Referrals { get; }

    DbSet<EarlyHelpRequest> EarlyHelpRequests { get; }

    DbSet<EarlyHelpEpisode> EarlyHelpEpisodes { get; }

    DbSet<EarlyHelpAssessment> EarlyHelpAssessments { get; }

    DbSet<FamilyPlan> FamilyPlans { get; }

    DbSet<Domain.Approvals.ApprovalRequest> ApprovalRequests { get; }

    DbSet<Domain.Allocations.CaseTransfer> CaseTransfers { get; }

    /// <summary>The independent reviewing officer allocated to each child (regulation 45).</summary>
    DbSet<Domain.Allocations.ReviewingOfficerAllocation> ReviewingOfficerAllocations { get; }

    DbSet<Domain.SocialCare.ChildAndFamilyAssessment> ChildAndFamilyAssessments { get; }

    DbSet<Domain.Timescales.TimescaleSettings> TimescaleSettings { get; }

    DbSet<Domain.Teams.CaseWeightSettings> CaseWeightSettings { get; }

    DbSet<Domain.Timescales.TimelinessFact> TimelinessFacts { get; }

    DbSet<Domain.Timescales.TimelinessRefresh> TimelinessRefreshes { get; }

    DbSet<Domain.Returns.ReturnSettings> ReturnSettings { get; }

    DbSet<Domain.SocialCare.ChildInNeedPlan> ChildInNeedPlans { get; }

    DbSet<Domain.SocialCare.ChildProtectionEnquiry> ChildProtectionEnquiries { get; }

    DbSet<Domain.SocialCare.ChildProtectionPlan> ChildProtectionPlans { get; }

    /// <summary>Pre-proceedings under the Public Law Outline, with the family group decision-making offer.</summary>
    DbSet<Domain.SocialCare.PreProceedings> PreProceedings { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<OnlineRequestDraft> OnlineRequestDrafts { get; }

    DbSet<CaseNote> CaseNotes { get; }

    /// <summary>Dates corrected after they were recorded: the original, the correction and why (append-only).</summary>
    DbSet<Domain.Recording.Correction> Corrections { get; }

    DbSet<NoteAddendum> NoteAddenda { get; }

    DbSet<Domain.Drafts.FormDraft> FormDrafts { get; }

    DbSet<Domain.LookedAfter.PeriodOfCare> PeriodsOfCare { get; }

    DbSet<PersonMerge> PersonMerges { get; }

    /// <summary>What each destination of the DfE's daily feed last accepted for each child.</summary>
    DbSet<Domain.Returns.Feed.FeedChildState> FeedChildStates { get; }

    /// <summary>The daily feed's send log: every request and its answer.</summary>
    DbSet<Domain.Returns.Feed.FeedSend> FeedSends { get; }

    DbSet<Domain.Returns.Feed.FeedRunLease> FeedRunLeases { get; }

    /// <summary>The model, for use cases that must cover every entity (merging finds every reference to a person in it).</summary>
    Microsoft.EntityFrameworkCore.Metadata.IModel Model { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts keeping every change saved from now on (administrative use cases, <see cref="IAuditsChanges"/>) and returns
    /// a function that stops and gives them, with any not yet saved, before and after.
    /// </summary>
    Func<IReadOnlyList<AuditedChange>> CaptureChanges();
}
