using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.AccessReports;

/// <summary>
/// Everything a colleague viewed or did to records in a period (subject access requests, investigations), from the audit
/// trail: when, what, and whose record. A restricted record is named only to someone on its allow-list. Reading the
/// report is itself audited.
/// </summary>
public static class GetColleagueAccessReport
{
    public const int MostRows = 5_000;

    [RequiresPermission(Permission.ViewAccessReports)]
    public sealed record Query : IQuery<Result>, IAudited, IAccessPeriod
    {
        public Guid? ColleagueId { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }
    }

    public sealed record Row(DateTime OccurredAtUtc, string Action, string What, Guid? PersonId, string? Record, string? LocalId);

    /// <summary>The rows, newest first, and whether there were more than <see cref="MostRows"/>.</summary>
    public sealed record Result(string Colleague, IReadOnlyList<Row> Rows, bool Truncated);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(q => q.ColleagueId).NotNull().WithMessage("Choose a colleague")
                .MustAsync(async (id, ct) => id is null || await db.Staff.AnyAsync(s => s.Id == id, ct)).WithMessage("Choose a colleague from the list");
            Include(new AccessPeriod.Rules());
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = user.RequireUserId();
            var colleague = await db.Staff.Where(s => s.Id == query.ColleagueId).Select(s => s.DisplayName).SingleAsync(cancellationToken);
            var (from, to) = AccessPeriod.Utc(query.From!.Value, query.To!.Value);
            var rows = await db.AuditEntries.AsNoTracking()
                .Where(a => a.UserId == query.ColleagueId && a.OccurredAtUtc >= from && a.OccurredAtUtc < to)
                .OrderByDescending(a => a.OccurredAtUtc)
                .Take(MostRows + 1)
                .Select(a => new
                {
                    a.OccurredAtUtc,
                    a.Action,
                    a.PersonId,
                    Person = db.People.Where(p => p.Id == a.PersonId)
                        .Select(p => new { p.GivenNames, p.FamilyName, p.LocalId, Hidden = p.Restriction != null && !p.RestrictionGrants.Any(g => g.UserId == viewer) })
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            return new Result(
                colleague,
                [.. rows.Take(MostRows).Select(r => new Row(
                    r.OccurredAtUtc,
                    r.Action,
                    GetRecordViewers.Describe(r.Action),
                    r.PersonId,
                    r.Person is null ? null : r.Person.Hidden ? "Restricted record" : $"{r.Person.GivenNames} {r.Person.FamilyName}",
                    r.Person?.LocalId))],
                rows.Count > MostRows);
        }
    }
}
