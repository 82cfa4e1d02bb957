using System.Linq.Expressions;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.Security;

/// <summary>
/// The one rule for which people a user may see and on which they may record. Every search, list,
/// count and page that shows identifiable people goes through <see cref="Visible"/>.
/// </summary>
public sealed class RecordAccess(IAppDbContext db, ICurrentUser user)
{
    private readonly HashSet<Guid> seen = [];

    /// <summary>People this request found the user may read under need to know: the page's check and its queries' ask once.</summary>
    private readonly HashSet<Guid> readable = [];

    /// <summary>
    /// People the current user may know exist: unrestricted ones, plus restricted ones they are allowed. A record
    /// merged into another (a tombstone) is not a person any more: its pages redirect to the survivor.
    /// </summary>
    public IQueryable<Person> Visible(IQueryable<Person> people)
    {
        var userId = user.UserId ?? Guid.Empty;
        return people.Where(VisibleTo(userId));
    }

    /// <summary>The rule for <paramref name="userId"/>, who is a parameter of the statement (one cached plan serves every user).</summary>
    public static Expression<Func<Person, bool>> VisibleTo(Guid userId)
    {
        Expression<Func<Guid>> parameter = () => userId;
        return VisibleTo(parameter.Body);
    }

    /// <summary>
    /// The rule with the user given as an expression: a compiled query's own parameter, say. The one place the rule is
    /// written: a record merged into another is nobody; an unrestricted one is seen by all; a restricted one by its
    /// allow-list.
    /// </summary>
    public static Expression<Func<Person, bool>> VisibleTo(Expression userId)
    {
        Expression<Func<Person, Guid, bool>> rule = (p, user) =>
            p.MergedIntoId == null && (p.Restriction == null || p.RestrictionGrants.Any(g => g.UserId == user));
        return Expression.Lambda<Func<Person, bool>>(new Substitution(rule.Parameters[1], userId).Visit(rule.Body), rule.Parameters[0]);
    }

    /// <summary>
    /// Stands for the rule inside a query written to be compiled (<c>EF.CompileAsyncQuery</c>), where the user is the
    /// query's own parameter: <see cref="Expand{T1, TResult}"/> puts <see cref="VisibleTo(Expression)"/> in its place before the
    /// query is compiled. Never run.
    /// </summary>
    public static bool IsVisibleTo(Person person, Guid userId) =>
        throw new InvalidOperationException($"{nameof(IsVisibleTo)} stands for the visibility rule in a query passed through {nameof(Expand)}; it is never run.");

    /// <summary>The query with the visibility rule in place of each <see cref="IsVisibleTo"/>: what a compiled query that names people is made from.</summary>
    public static Expression<Func<DbContext, T1, IQueryable<TResult>>> Expand<T1, TResult>(Expression<Func<DbContext, T1, IQueryable<TResult>>> query) =>
        (Expression<Func<DbContext, T1, IQueryable<TResult>>>)new ExpandRule().Visit(query);

    /// <inheritdoc cref="Expand{T1, TResult}"/>
    public static Expression<Func<DbContext, T1, T2, IQueryable<TResult>>> Expand<T1, T2, TResult>(Expression<Func<DbContext, T1, T2, IQueryable<TResult>>> query) =>
        (Expression<Func<DbContext, T1, T2, IQueryable<TResult>>>)new ExpandRule().Visit(query);

    private sealed class ExpandRule : ExpressionVisitor
    {
        private static readonly System.Reflection.MethodInfo Marker = typeof(RecordAccess).GetMethod(nameof(IsVisibleTo))!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != Marker)
            {
                return base.VisitMethodCall(node);
            }

            var rule = VisibleTo(Visit(node.Arguments[1]));
            return new Substitution(rule.Parameters[0], Visit(node.Arguments[0])).Visit(rule.Body);
        }
    }

    /// <summary>The signed-in user whose rule this is (nobody's id when no one is signed in, who sees no restricted record).</summary>
    public Guid UserId => user.UserId ?? Guid.Empty;

    /// <summary>
    /// The rule as a predicate on a row that hangs off a person: the person the row names exists and is
    /// visible (<see cref="VisibleTo"/>). It is translated as a correlated <c>EXISTS</c> on the person's primary
    /// key, so each row costs one index seek whatever the size of the council. The list form
    /// (<c>ChildId IN (SELECT Id FROM People WHERE …)</c>) built every visible person's id for every statement,
    /// and is not offered (ADR 0005).
    /// </summary>
    public Expression<Func<T, bool>> Sees<T>(Expression<Func<T, Guid>> personId)
    {
        var visible = Visible(db.People);
        Expression<Func<Guid, bool>> exists = id => visible.Any(p => p.Id == id);
        return Compose(exists, personId);
    }

    /// <inheritdoc cref="Sees{T}(Expression{Func{T, Guid}})"/>
    public Expression<Func<T, bool>> Sees<T>(Expression<Func<T, Guid?>> personId)
    {
        var visible = Visible(db.People);
        Expression<Func<Guid?, bool>> exists = id => visible.Any(p => p.Id == id);
        return Compose(exists, personId);
    }

    /// <summary>The rows whose person the user may see (see <see cref="Sees{T}(Expression{Func{T, Guid}})"/>).</summary>
    public IQueryable<T> WhereVisible<T>(IQueryable<T> rows, Expression<Func<T, Guid>> personId) => rows.Where(Sees(personId));

    /// <inheritdoc cref="WhereVisible{T}(IQueryable{T}, Expression{Func{T, Guid}})"/>
    public IQueryable<T> WhereVisible<T>(IQueryable<T> rows, Expression<Func<T, Guid?>> personId) => rows.Where(Sees(personId));

    /// <summary>
    /// Contacts the user may know exist: every person on them is visible to the user. A contact about a
    /// restricted child is as invisible as the child.
    /// </summary>
    public IQueryable<Contact> VisibleContacts(IQueryable<Contact> contacts)
    {
        var seen = Sees<ContactPerson>(p => p.PersonId);
        return contacts.Where(c => c.People.AsQueryable().All(seen));
    }

    /// <summary>
    /// <paramref name="outer"/>'s body with its parameter replaced by <paramref name="personId"/>'s body: a
    /// predicate on the person's id becomes a predicate on the row that names the person.
    /// </summary>
    private static Expression<Func<T, bool>> Compose<T, TId>(Expression<Func<TId, bool>> outer, Expression<Func<T, TId>> personId) =>
        Expression.Lambda<Func<T, bool>>(
            new Substitution(outer.Parameters[0], personId.Body).Visit(outer.Body),
            personId.Parameters[0]);

    public async Task<bool> CanSeeContactAsync(Guid contactId, CancellationToken ct) =>
        await VisibleContacts(db.Contacts).AnyAsync(c => c.Id == contactId, ct);

    public async Task<bool> CanSeeEpisodeAsync(Guid episodeId, CancellationToken ct)
    {
        var seen = Sees<Domain.EarlyHelp.EpisodeChild>(c => c.ChildId);
        return await db.EarlyHelpEpisodes.AnyAsync(e => e.Id == episodeId && e.Children.AsQueryable().All(seen), ct);
    }

    /// <summary>The people a contact is about (need to know asks about each child among them).</summary>
    public async Task<IReadOnlyCollection<Guid>> PeopleOnContactAsync(Guid contactId, CancellationToken ct) =>
        await db.Contacts.Where(c => c.Id == contactId).SelectMany(c => c.People.Select(p => p.PersonId)).ToListAsync(ct);

    /// <summary>The children in a family's early help episode.</summary>
    public async Task<IReadOnlyCollection<Guid>> ChildrenInEpisodeAsync(Guid episodeId, CancellationToken ct) =>
        await db.EarlyHelpEpisodes.Where(e => e.Id == episodeId).SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync(ct);

    /// <summary>Why someone who may read a family's early help may not record on it.</summary>
    public const string EpisodeRecordingRefusal = "Only the family's keyworker or a manager of the team can record on this episode";

    /// <summary>The keyworker, or a manager of the team holding the episode, records on it.</summary>
    public async Task<bool> CanRecordEpisodeAsync(Guid episodeId, CancellationToken ct)
    {
        var userId = user.UserId ?? Guid.Empty;
        return await db.EarlyHelpEpisodes.AnyAsync(
            e => e.Id == episodeId && (e.KeyworkerId == userId || db.Teams.Any(t => t.Id == e.TeamId && t.ManagerId == userId)), ct);
    }

    /// <summary>
    /// Whether the user may see the person. A person seen once stays seen for the rest of the request (this
    /// class lives as long as the request): a page that sends two queries about the child asks once.
    /// </summary>
    public async Task<bool> CanSeeAsync(Guid personId, CancellationToken ct)
    {
        if (seen.Contains(personId))
        {
            return true;
        }

        var visible = await Visible(db.People).AnyAsync(p => p.Id == personId, ct);
        if (visible)
        {
            seen.Add(personId);
        }

        return visible;
    }

    /// <summary>The first of these people the user may not see (missing, merged or restricted), in one statement; null when all are visible.</summary>
    public async Task<Guid?> FirstHiddenAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var asked = personIds.Distinct().ToList();
        var seen = await Visible(db.People).Where(p => asked.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return asked.Except(seen).Select(id => (Guid?)id).FirstOrDefault();
    }

    /// <summary>
    /// The team holding a child: the team of the open LEAD allocation. A co-worker's team (an early help
    /// keyworker co-working after a step-up, say) does not hold the case. While there is no lead, the team an
    /// open referral is with holds it (it allocates the lead); with neither, the co-workers' teams do, so the
    /// case is never left without a manager.
    /// </summary>
    public static IQueryable<Guid> HoldingTeamIds(IAppDbContext db, Guid personId)
    {
        var open = db.Allocations.Where(a => a.ChildId == personId && a.EndedOn == null);
        var referrals = db.Referrals.Where(r => r.ChildId == personId && r.Status == ReferralStatus.Open);
        return open.Where(a => a.Role == AllocationRole.Lead).Select(a => a.TeamId)
            .Concat(referrals.Where(r => !open.Any(l => l.Role == AllocationRole.Lead)).Select(r => r.TeamId))
            .Concat(open.Where(a => !open.Any(l => l.Role == AllocationRole.Lead) && !referrals.Any()).Select(a => a.TeamId));
    }

    /// <summary>
    /// Under the need-to-know reading policy, whether the current user must give a reason before reading this person's
    /// record: not if they are allocated to the child, in the team holding them, their reviewing officer, at the front
    /// door or a manager, or gave a reason that still lasts. An adult (a parent, a carer) is read without one by whoever
    /// works so with a child related to them (allocated to one, their reviewing officer, or in a team with an open
    /// allocation or referral for one); anyone else gives a reason, as for a child. The open policy needs none.
    /// </summary>
    public async Task<bool> NeedsReasonToReadAsync(Guid personId, ReadingSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        if (settings.ReadingPolicy != ReadingPolicy.NeedToKnow || user.HasPermission(Permission.ViewFrontDoor) || user.IsInRole(Roles.TeamManager))
        {
            return false;
        }

        if (readable.Contains(personId))
        {
            return false;
        }

        // One statement: no relationship to the child (or, for an adult, to any child related to them) and no reason that
        // still lasts.
        var userId = user.UserId ?? Guid.Empty;
        var holding = HoldingTeamIds(db, personId);
        var related = db.Relationships.Where(r => r.PersonId == personId).Select(r => r.RelatedPersonId)
            .Concat(db.Relationships.Where(r => r.RelatedPersonId == personId).Select(r => r.PersonId));
        var relatedTeams = db.Allocations.Where(a => related.Contains(a.ChildId) && a.EndedOn == null).Select(a => a.TeamId)
            .Concat(db.Referrals.Where(r => related.Contains(r.ChildId) && r.Status == ReferralStatus.Open).Select(r => r.TeamId));
        var needs = await db.People.AnyAsync(
            p => p.Id == personId
                && (p.Type == PersonType.Child
                    ? !db.Allocations.Any(a => a.ChildId == personId && a.EndedOn == null && a.WorkerId == userId)
                        && !db.Teams.Any(t => holding.Contains(t.Id) && (t.ManagerId == userId || t.Members.Any(m => m.UserId == userId)))
                        && !db.ReviewingOfficerAllocations.Any(r => r.ChildId == personId && r.EndedOn == null && r.OfficerId == userId)
                    : !db.Allocations.Any(a => related.Contains(a.ChildId) && a.EndedOn == null && a.WorkerId == userId)
                        && !db.Teams.Any(t => relatedTeams.Contains(t.Id) && (t.ManagerId == userId || t.Members.Any(m => m.UserId == userId)))
                        && !db.ReviewingOfficerAllocations.Any(r => related.Contains(r.ChildId) && r.EndedOn == null && r.OfficerId == userId))
                && !db.ReadingReasons.Any(r => r.PersonId == personId && r.UserId == userId && r.ExpiresAtUtc > nowUtc),
            ct);
        if (!needs)
        {
            readable.Add(personId);
        }

        return needs;
    }

    /// <summary>Whether the current user manages the team holding the child (see <see cref="HoldingTeamIds"/>).</summary>
    public async Task<bool> ManagesHoldingTeamAsync(Guid personId, CancellationToken ct)
    {
        var userId = user.UserId ?? Guid.Empty;
        var holding = HoldingTeamIds(db, personId);
        return await db.Teams.AnyAsync(t => holding.Contains(t.Id) && t.ManagerId == userId, ct);
    }

    /// <summary>
    /// Recording (changing a record) needs a relationship to it: an allocated worker (lead or co-worker, each
    /// within their own role's permissions), the manager of the team holding it (the lead's team: co-working
    /// gives a co-worker's manager nothing), or — while nobody holds it — the front door and managers, who
    /// decide where it goes.
    /// </summary>
    public async Task<bool> CanRecordAsync(Guid personId, CancellationToken ct)
    {
        var userId = user.UserId ?? Guid.Empty;
        var holders = db.Allocations.Where(a => a.ChildId == personId && a.EndedOn == null);

        if (await holders.AnyAsync(a => a.WorkerId == userId, ct))
        {
            return true;
        }

        if (await ManagesHoldingTeamAsync(personId, ct))
        {
            return true;
        }

        // An adult is recorded by whoever works with the children around them; adults are not allocated.
        var isChild = await db.People.AnyAsync(p => p.Id == personId && p.Type == PersonType.Child, ct);
        if (!isChild)
        {
            return user.HasPermission(Permission.RecordPeople);
        }

        var held = await holders.AnyAsync(ct);
        return !held && (user.IsInRole(Roles.FrontDoorPractitioner) || user.IsInRole(Roles.TeamManager));
    }

    /// <summary>
    /// The same rule as <see cref="CanRecordAsync(Guid, CancellationToken)"/> from facts a query has already
    /// projected (the identity bar reads them in its one statement): whether the user holds the case (as
    /// worker or the holding team's manager) and whether anyone does.
    /// </summary>
    public bool CanRecord(PersonType type, bool heldByUser, bool heldByAnyone) =>
        heldByUser
        || (type == PersonType.Child
            ? !heldByAnyone && (user.IsInRole(Roles.FrontDoorPractitioner) || user.IsInRole(Roles.TeamManager))
            : user.HasPermission(Permission.RecordPeople));

    /// <summary>
    /// A review's outcome is recorded by the independent reviewing officer who chaired it, who never holds
    /// the case: any child they may see. Holding the case is not enough — the chair must be independent of it.
    /// </summary>
    public async Task<bool> CanRecordReviewOutcomeAsync(Guid personId, CancellationToken ct) =>
        user.HasPermission(Permission.RecordReviewOutcomes) && await CanSeeAsync(personId, ct);

    /// <summary>Whether the user may send this person-scoped command: a review outcome by its rule, a correction by its handler's (seeing the child is the gate here), anything else by <see cref="CanRecordAsync"/>.</summary>
    public Task<bool> CanRecordAsync(IPersonScoped command, CancellationToken ct) => command switch
    {
        IReviewOutcome => CanRecordReviewOutcomeAsync(command.PersonId, ct),
        ICorrection => CanSeeAsync(command.PersonId, ct),
        ISeeingIsEnough => CanSeeAsync(command.PersonId, ct),
        _ => CanRecordAsync(command.PersonId, ct),
    };
}
