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
using Microsoft.EntityFrameworkCore.ChangeTracking;

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

    public DbSet<Domain.Access.ReadingReason> ReadingReasons => Set<Domain.Access.ReadingReason>();

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

    public DbSet<Domain.Teams.CaseWeightSettings> CaseWeightSettings => Set<Domain.Teams.CaseWeightSettings>();

    public DbSet<Domain.Timescales.TimelinessFact> TimelinessFacts => Set<Domain.Timescales.TimelinessFact>();

    public DbSet<Domain.Timescales.TimelinessRefresh> TimelinessRefreshes => Set<Domain.Timescales.TimelinessRefresh>();

    public DbSet<Domain.Returns.ReturnSettings> ReturnSettings => Set<Domain.Returns.ReturnSettings>();

    public DbSet<Domain.SocialCare.ChildInNeedPlan> ChildInNeedPlans => Set<Domain.SocialCare.ChildInNeedPlan>();

    public DbSet<Domain.SocialCare.ChildProtectionEnquiry> ChildProtectionEnquiries => Set<Domain.SocialCare.ChildProtectionEnquiry>();

    public DbSet<Domain.SocialCare.ChildProtectionPlan> ChildProtectionPlans => Set<Domain.SocialCare.ChildProtectionPlan>();

    public DbSet<Domain.SocialCare.PreProceedings> PreProceedings => Set<Domain.SocialCare.PreProceedings>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OnlineRequestDraft> OnlineRequestDrafts => Set<OnlineRequestDraft>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<Domain.Recording.Correction> Corrections => Set<Domain.Recording.Correction>();

    public DbSet<NoteAddendum> NoteAddenda => Set<NoteAddendum>();

    public DbSet<Domain.Drafts.FormDraft> FormDrafts => Set<Domain.Drafts.FormDraft>();

    public DbSet<Domain.LookedAfter.PeriodOfCare> PeriodsOfCare => Set<Domain.LookedAfter.PeriodOfCare>();

    /// <summary>Live and ended sign-in sessions: signing out ends one on the server (ADR 0014).</summary>
    public DbSet<Security.SignInSession> SignInSessions => Set<Security.SignInSession>();

    /// <summary>One-time form submission ids and where each first went (ADR 0015).</summary>
    public DbSet<Security.FormSubmission> FormSubmissions => Set<Security.FormSubmission>();

    public DbSet<Security.SignInFailureCount> SignInFailureCounts => Set<Security.SignInFailureCount>();

    public DbSet<Security.UsedLogoutToken> UsedLogoutTokens => Set<Security.UsedLogoutToken>();

    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();

    public DbSet<Domain.Returns.Feed.FeedChildState> FeedChildStates => Set<Domain.Returns.Feed.FeedChildState>();

    public DbSet<Domain.Returns.Feed.FeedSend> FeedSends => Set<Domain.Returns.Feed.FeedSend>();

    public DbSet<Domain.Returns.Feed.FeedRunLease> FeedRunLeases => Set<Domain.Returns.Feed.FeedRunLease>();

    /// <summary>Changes saved while an administrative use case captures them (<see cref="CaptureChanges"/>); null when none is.</summary>
    private List<AuditedChange>? captured;

    public Func<IReadOnlyList<AuditedChange>> CaptureChanges()
    {
        captured = [];
        return () =>
        {
            var all = (captured ?? []).Concat(ChangeCapture.Describe(this)).ToList();
            captured = null;
            return all;
        };
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var save = BeforeSave();
        LocalIdentifiers.NumberAdded(this, save.Roots.Values);
        foreach (var (rootType, rootId) in save.Untracked)
        {
            save.Roots[rootId] = Entry(Find(rootType, rootId) ?? throw PendingSave.NoRoot(rootType, rootId));
        }

        StampRoots(save);
        captured?.AddRange(ChangeCapture.Describe(this));
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var save = BeforeSave();
        await LocalIdentifiers.NumberAddedAsync(this, save.Roots.Values, cancellationToken);
        foreach (var (rootType, rootId) in save.Untracked)
        {
            save.Roots[rootId] = Entry(await FindAsync(rootType, [rootId], cancellationToken) ?? throw PendingSave.NoRoot(rootType, rootId));
        }

        StampRoots(save);
        captured?.AddRange(ChangeCapture.Describe(this));
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        OneOpen.UseProviderQuoting(builder, Database.IsSqlServer());
    }

    /// <summary>
    /// A save refused by a one-open index becomes the rule's field error, however the context was made (ADR 0019). The app's
    /// own options carry it already (<see cref="DatabaseSetup.AddDatabase"/>), and then nothing is added: a change here makes
    /// EF Core copy the options for every context it creates, on every request.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var interceptors = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(OneOpenRefusals.Instance) != true)
        {
            optionsBuilder.AddInterceptors(OneOpenRefusals.Instance);
        }
    }

    /// <summary>
    /// The audit trail is append-only. Finds the roots of the changed parts of aggregates; a root that is not
    /// tracked is loaded by the caller (asynchronously when the save is) before <see cref="StampRoots"/>.
    /// </summary>
    private PendingSave BeforeSave()
    {
        // Detect once, then read the tracker without re-detecting: a save of a thousand seeded
        // families must not rescan every entry for every entry.
        ChangeTracker.DetectChanges();
        var entries = ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries cannot be changed or deleted");
        }

        return new PendingSave(entries.Where(e => e.Entity is Aggregate).ToDictionary(e => ((Aggregate)e.Entity).Id), [.. ChangedParts(entries).Distinct()]);
    }

    /// <summary>
    /// Every changed aggregate gets a new version and the name of whoever changed it — which is what a refused
    /// second writer is told. A change to a part of an aggregate (a new name, a plan's review, a score given at a
    /// Team Around the Family meeting) versions its root as well: each part names its root (<see cref="IPartOf{TRoot}"/>).
    /// </summary>
    private void StampRoots(PendingSave save)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var changed = save.Roots.Values.Where(e => e.State is EntityState.Added or EntityState.Modified).ToHashSet();
        foreach (var (rootType, rootId) in save.Parts)
        {
            var root = save.Roots[rootId];
            if (root.State == EntityState.Unchanged)
            {
                root.Property(nameof(Aggregate.Version)).IsModified = true;
                changed.Add(root);
            }
        }

        foreach (var entry in changed)
        {
            ((Aggregate)entry.Entity).Stamp(now, user?.UserId, user?.DisplayName, entry.State == EntityState.Added);
        }
    }

    /// <summary>
    /// The roots of the added, changed and deleted parts of aggregates. An entity that is neither an aggregate,
    /// nor a part naming its root, nor a deliberately standalone record (nor one of Identity's own rows) is
    /// refused, so a new entity cannot silently escape versioning.
    /// </summary>
    private static IEnumerable<(Type RootType, Guid RootId)> ChangedParts(IEnumerable<EntityEntry> entries)
    {
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Aggregate or IStandaloneRecord:
                    break;
                case IPartOf part:
                    yield return (RootTypeOf(part.GetType()), part.RootId);
                    break;
                case var other when other.GetType().Assembly == IdentityStoresAssembly:
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{entry.Entity.GetType().Name} is neither an aggregate, a part of one (IPartOf<TRoot>) nor a standalone record (IStandaloneRecord)");
            }
        }
    }

    private static readonly System.Reflection.Assembly IdentityStoresAssembly = typeof(IdentityUserRole<Guid>).Assembly;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> RootTypes = new();

    /// <summary>The <c>TRoot</c> of the <see cref="IPartOf{TRoot}"/> a part type implements.</summary>
    public static Type RootTypeOf(Type partType) => RootTypes.GetOrAdd(partType, t =>
        t.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPartOf<>)).GetGenericArguments()[0]);

    /// <summary>What a save found in the tracker: the aggregates, and the roots of the changed parts.</summary>
    private sealed class PendingSave(Dictionary<Guid, EntityEntry> roots, List<(Type RootType, Guid RootId)> parts)
    {
        public Dictionary<Guid, EntityEntry> Roots { get; } = roots;

        public List<(Type RootType, Guid RootId)> Parts { get; } = parts;

        /// <summary>Roots of changed parts that are not tracked: a part was changed without loading its aggregate.</summary>
        public List<(Type RootType, Guid RootId)> Untracked => [.. Parts.Where(p => !Roots.ContainsKey(p.RootId))];

        public static InvalidOperationException NoRoot(Type rootType, Guid rootId) =>
            new($"A part of {rootType.Name} {rootId} changed, but there is no such {rootType.Name} to version");
    }
}
