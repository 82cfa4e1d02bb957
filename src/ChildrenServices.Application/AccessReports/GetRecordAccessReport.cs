using ChildrenServices.Application.People;
using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.AccessReports;

/// <summary>
/// Everyone who viewed or changed one person's record in a period, found by its local ID or NHS number (the data
/// protection officer does not search records): when, who, their job, what. Reading it is audited against the record.
/// </summary>
public static class GetRecordAccessReport
{
    [RequiresPermission(Permission.ViewAccessReports)]
    public sealed record Query : IQuery<Result>, IAudited, IAccessPeriod
    {
        /// <summary>The record's local ID or NHS number.</summary>
        public string? Identifier { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }
    }

    public sealed record Row(DateTime OccurredAtUtc, string Who, string? JobTitle, string What);

    public sealed record Result(Guid PersonId, string Record, string? LocalId, IReadOnlyList<Row> Rows, bool Truncated) : IShowsPeople
    {
        public IEnumerable<Guid> PeopleShown => [PersonId];
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Identifier).NotEmpty().WithMessage("Enter the record's local ID or NHS number")
                .MaximumLength(20).WithMessage("Enter a local ID or NHS number of 20 characters or fewer");
            Include(new AccessPeriod.Rules());
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = user.RequireUserId();
            var identifier = new string([.. query.Identifier!.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
            var person = await db.People.AsNoTracking()
                .Where(p => p.MergedIntoId == null && (p.LocalId == identifier || p.NhsNumber == identifier))
                .Select(p => new { p.Id, p.GivenNames, p.FamilyName, p.LocalId, Hidden = p.Restriction != null && !p.RestrictionGrants.Any(g => g.UserId == viewer) })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Query.Identifier), "No record has that local ID or NHS number")]);
            var (from, to) = AccessPeriod.Utc(query.From!.Value, query.To!.Value);
            var rows = await db.AuditEntries.AsNoTracking()
                .Where(a => a.PersonId == person.Id && a.OccurredAtUtc >= from && a.OccurredAtUtc < to)
                .OrderByDescending(a => a.OccurredAtUtc)
                .Take(GetColleagueAccessReport.MostRows + 1)
                .GroupJoin(db.Staff, a => a.UserId, s => s.Id, (a, s) => new { a, s })
                .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.a.OccurredAtUtc, x.a.Action, Who = s == null ? "System" : s.DisplayName, JobTitle = s == null ? null : s.JobTitle })
                .ToListAsync(cancellationToken);
            return new Result(
                person.Id,
                person.Hidden ? "Restricted record" : $"{person.GivenNames} {person.FamilyName}",
                person.LocalId,
                [.. rows.OrderByDescending(r => r.OccurredAtUtc).Take(GetColleagueAccessReport.MostRows).Select(r => new Row(r.OccurredAtUtc, r.Who, r.JobTitle, GetRecordViewers.Describe(r.Action)))],
                rows.Count > GetColleagueAccessReport.MostRows);
        }
    }
}
