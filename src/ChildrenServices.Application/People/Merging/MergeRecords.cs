using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Audit;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People.Merging;

/// <summary>How long a merge can be undone (configuration section "Merging").</summary>
public sealed class MergeSettings
{
    public int UndoPeriodDays { get; set; } = 30;
}

/// <summary>One of the two records, as the merge pages show it.</summary>
public sealed record MergeParty(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string? NhsNumber, PersonType Type, bool IsRestricted, Guid Version)
{
    public string FullName => $"{GivenNames} {FamilyName}";
}

/// <summary>What will move from one record to the other, for "Check your answers".</summary>
public static class PreviewMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid SurvivorId, Guid MergedId) : IQuery<Result>;

    public sealed record Moving(string What, int Moves, int Stays);

    public sealed record Result(MergeParty Survivor, MergeParty Merged, IReadOnlyList<Moving> Rows, string? Refusal);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, PersonRowMover mover) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var survivor = await MergeRules.PartyAsync(db, user, query.SurvivorId, cancellationToken);
            var merged = await MergeRules.PartyAsync(db, user, query.MergedId, cancellationToken);
            var refusal = await MergeRules.RefusalAsync(db, survivor, merged, cancellationToken);
            var rows = refusal is null
                ? (await mover.PreviewAsync(survivor.Id, merged.Id, cancellationToken))
                    .GroupBy(r => MergeRules.Describe(r.Reference))
                    .Select(g => new Moving(g.Key, g.Sum(r => r.Moves), g.Sum(r => r.Stays)))
                    .OrderBy(m => m.What, StringComparer.Ordinal)
                    .ToList()
                : [];
            return new Result(survivor, merged, rows, refusal);
        }
    }
}

/// <summary>
/// Merge two records of the same person: everything recorded on the merged record moves to the survivor, the
/// merged record becomes a tombstone that redirects to it, and both records' audit trails say so.
/// </summary>
public static class MergeRecords
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Command : ICommand<Guid>
    {
        public Guid SurvivorId { get; init; }

        public Guid MergedId { get; init; }

        public Guid SurvivorVersion { get; init; }

        public Guid MergedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SurvivorId).NotEmpty().WithMessage("Select the record to keep");
            RuleFor(c => c.MergedId).NotEmpty().WithMessage("Select the record to merge into it")
                .NotEqual(c => c.SurvivorId).WithMessage("Select two different records to merge");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, PersonRowMover mover) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var survivorParty = await MergeRules.PartyAsync(db, user, command.SurvivorId, cancellationToken);
            var mergedParty = await MergeRules.PartyAsync(db, user, command.MergedId, cancellationToken);
            if (await MergeRules.RefusalAsync(db, survivorParty, mergedParty, cancellationToken) is { } refusal)
            {
                throw new Domain.Common.DomainRuleException(refusal, nameof(Command.MergedId));
            }

            var survivor = await db.People.SingleAsync(p => p.Id == command.SurvivorId, cancellationToken);
            var merged = await db.People.SingleAsync(p => p.Id == command.MergedId, cancellationToken);
            db.ExpectVersion(survivor, command.SurvivorVersion);
            db.ExpectVersion(merged, command.MergedVersion);

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.RequireUserId();
            var merge = new PersonMerge(survivor.Id, merged.Id, now, userId, user.DisplayName ?? "Unknown");
            await mover.MoveAsync(merge, UkTime.Today(clock), cancellationToken);
            merged.MergeInto(survivor.Id);
            db.PersonMerges.Add(merge);

            var action = Behaviours.MessageNames.Of(typeof(Command));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, survivor.Id, user.CorrelationId));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merged.Id, user.CorrelationId));
            return merge.Id;
        }
    }
}

/// <summary>A merge as its pages show it: the two records, when, by whom, and whether it can still be undone.</summary>
public static class GetMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid MergeId) : IQuery<Result>;

    public sealed record Result(Guid Id, Guid Version, MergeParty Survivor, MergeParty Merged, DateTime MergedAtUtc, string MergedBy,
        int RowsMoved, DateTime? UndoneAtUtc, string? UndoneBy, DateTime UndoableUntilUtc, bool CanUndo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var merge = await db.PersonMerges.AsNoTracking().Include(m => m.MovedRows).SingleOrDefaultAsync(m => m.Id == query.MergeId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            var survivor = await MergeRules.PartyAsync(db, user, merge.SurvivorId, cancellationToken, includeMerged: true);
            var merged = await MergeRules.PartyAsync(db, user, merge.MergedId, cancellationToken, includeMerged: true);
            var now = clock.GetUtcNow().UtcDateTime;
            return new Result(merge.Id, merge.Version, survivor, merged, merge.MergedAtUtc, merge.MergedByName, merge.MovedRows.Count,
                merge.UndoneAtUtc, merge.UndoneByName, merge.UndoableUntilUtc(settings.UndoPeriodDays), merge.CanUndo(now, settings.UndoPeriodDays));
        }
    }
}

/// <summary>Undo a merge within the set period: exactly the rows it moved go back, and the tombstone is a record again.</summary>
public static class UndoMerge
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Command : ICommand, IVersioned
    {
        public Guid MergeId { get; init; }

        public Guid Version { get; init; }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings, PersonRowMover mover) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var merge = await db.PersonMerges.Include(m => m.MovedRows).SingleOrDefaultAsync(m => m.Id == command.MergeId, cancellationToken)
                ?? throw new NotFoundException("Page not found");
            _ = await MergeRules.PartyAsync(db, user, merge.SurvivorId, cancellationToken, includeMerged: true);
            _ = await MergeRules.PartyAsync(db, user, merge.MergedId, cancellationToken, includeMerged: true);
            db.ExpectVersion(merge, command.Version);
            if (await db.People.Where(p => p.Id == merge.SurvivorId).Select(p => p.MergedIntoId).SingleAsync(cancellationToken) is not null)
            {
                // The rows this merge moved have moved on again with the survivor: undo the later merge first.
                throw new Domain.Common.DomainRuleException(
                    $"The record kept by this merge has since been merged into another record. Undo that merge first", "MergeId");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var userId = user.RequireUserId();
            merge.Undo(now, settings.UndoPeriodDays, userId, user.DisplayName ?? "Unknown");
            await mover.MoveBackAsync(merge, cancellationToken);

            var merged = await db.People.SingleAsync(p => p.Id == merge.MergedId, cancellationToken);
            merged.UnMerge();
            var survivor = await db.People.SingleAsync(p => p.Id == merge.SurvivorId, cancellationToken);
            db.Entry(survivor).Property(p => p.Version).IsModified = true;

            var action = Behaviours.MessageNames.Of(typeof(Command));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merge.SurvivorId, user.CorrelationId));
            db.AuditEntries.Add(new AuditEntry(now, userId, action, merge.MergedId, user.CorrelationId));
            return Unit.Value;
        }
    }
}

/// <summary>Where a merged record's pages go: the survivor, when the user may see it.</summary>
public static class FindSurvivor
{
    [AllowAnySignedInUser]
    public sealed record Query(Guid PersonId) : IQuery<Result?>;

    public sealed record Result(Guid SurvivorId, string MergedName);

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var tombstone = await db.People.Where(p => p.Id == query.PersonId && p.MergedIntoId != null)
                .Select(p => new { p.GivenNames, p.FamilyName, p.MergedIntoId }).SingleOrDefaultAsync(cancellationToken);
            if (tombstone is null)
            {
                return null;
            }

            // Follow a chain of merges (A into B, then B into C) to the live record.
            var id = tombstone.MergedIntoId!.Value;
            for (var hops = 0; hops < 10; hops++)
            {
                var next = await db.People.Where(p => p.Id == id).Select(p => p.MergedIntoId).SingleOrDefaultAsync(cancellationToken);
                if (next is null)
                {
                    return await access.CanSeeAsync(id, cancellationToken) ? new Result(id, $"{tombstone.GivenNames} {tombstone.FamilyName}") : null;
                }

                id = next.Value;
            }

            return null;
        }
    }
}

/// <summary>The records merged into this one, newest first, with whether each can still be undone.</summary>
public static class GetMergesInto
{
    [RequiresPermission(Permission.MergeRecords)]
    public sealed record Query(Guid PersonId) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid MergeId, string MergedName, DateTime MergedAtUtc, string MergedBy, DateTime? UndoneAtUtc, DateTime UndoableUntilUtc, bool CanUndo);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, MergeSettings settings) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            _ = await MergeRules.PartyAsync(db, user, query.PersonId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == query.PersonId)
                .Join(db.People, m => m.MergedId, p => p.Id, (m, p) => new { Merge = m, p.GivenNames, p.FamilyName })
                .ToListAsync(cancellationToken);
            return [.. merges.OrderByDescending(m => m.Merge.MergedAtUtc).Select(m => new Item(
                m.Merge.Id, $"{m.GivenNames} {m.FamilyName}", m.Merge.MergedAtUtc, m.Merge.MergedByName, m.Merge.UndoneAtUtc,
                m.Merge.UndoableUntilUtc(settings.UndoPeriodDays), m.Merge.CanUndo(now, settings.UndoPeriodDays)))];
        }
    }
}

internal static partial class MergeRules
{
    /// <summary>
    /// One of the two records, refused as not found (404) when the user may not know it exists: the record-access
    /// rule, except that a tombstone is found when <paramref name="includeMerged"/> (undoing a merge).
    /// </summary>
    public static async Task<MergeParty> PartyAsync(IAppDbContext db, ICurrentUser user, Guid id, CancellationToken ct, bool includeMerged = false)
    {
        var userId = user.UserId ?? Guid.Empty;
        var people = db.People.Where(p => p.Id == id && (p.Restriction == null || p.RestrictionGrants.Any(g => g.UserId == userId)));
        if (!includeMerged)
        {
            people = people.Where(p => p.MergedIntoId == null);
        }

        return await people
            .Select(p => new MergeParty(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.ExpectedDateOfBirth, p.NhsNumber, p.Type, p.Restriction != null, p.Version))
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Page not found");
    }

    /// <summary>Why these two records cannot be merged, or null.</summary>
    public static async Task<string?> RefusalAsync(IAppDbContext db, MergeParty survivor, MergeParty merged, CancellationToken ct)
    {
        if (survivor.Id == merged.Id)
        {
            return "Select two different records to merge";
        }

        if (survivor.Type != merged.Type)
        {
            return "A child's record can only be merged with another child's record, and an adult's with an adult's";
        }

        if (merged.IsRestricted)
        {
            // Nobody may find the merged record's history through the survivor who could not find it before.
            var mergedAllowed = await db.People.Where(p => p.Id == merged.Id).SelectMany(p => p.RestrictionGrants.Select(g => g.UserId)).ToListAsync(ct);
            var survivorAllowed = await db.People.Where(p => p.Id == survivor.Id).SelectMany(p => p.RestrictionGrants.Select(g => g.UserId)).ToListAsync(ct);
            if (!survivor.IsRestricted || survivorAllowed.Except(mergedAllowed).Any())
            {
                return $"{merged.FullName}'s record is restricted. Keep it as the record to merge into, or restrict the other record to the same people first";
            }
        }

        return null;
    }

    public static string Describe(PersonReference reference) => reference.Entity.ClrType.Name switch
    {
        nameof(PersonName) => "Names",
        nameof(Address) => "Addresses",
        nameof(RestrictionGrant) => "People allowed to see a restricted record",
        _ => Sentence(reference.Entity.ClrType.Name) + (reference.Property.Name.StartsWith("Related", StringComparison.Ordinal) ? " (as the other person)" : string.Empty),
    };

    private static string Sentence(string typeName)
    {
        var words = Words().Replace(typeName, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..] + "s";
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
