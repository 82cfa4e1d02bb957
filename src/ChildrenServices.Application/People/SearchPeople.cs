using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// Find a child or adult by any name they have been known by (partial, case- and accent-insensitive),
/// date of birth, NHS number or UPN. Restricted people the user is not allowed do not appear.
/// </summary>
public static class SearchPeople
{
    public const int PageSize = 25;

    [RequiresPermission(Permission.SearchPeople)]
    public sealed record Query : IQuery<Result>, IAudited
    {
        public string? Name { get; init; }

        public DateOnly? DateOfBirth { get; init; }

        public string? Identifier { get; init; }

        /// <summary>The page of results wanted, from 1 (named so it never binds from the Razor Pages "page" route value).</summary>
        public int PageNumber { get; init; } = 1;

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(Identifier);
    }

    public sealed record Result(IReadOnlyList<Match> Matches, int Total, int Page, int PageCount) : IShowsPeople
    {
        public IEnumerable<Guid> PeopleShown => Matches.Select(m => m.Id);
    }

    public sealed record Match(
        Guid Id,
        PersonType Type,
        string GivenNames,
        string FamilyName,
        DateOnly? DateOfBirth,
        DateOnly? ExpectedDateOfBirth,
        string? NhsNumber,
        string? Postcode,
        string? OtherNameMatched,
        bool IsRestricted)
    {
        /// <summary>Worked back from an approximate age when no date of birth is known.</summary>
        public DateOnly? ApproximateDateOfBirth { get; init; }

        public string? LeadWorkerName { get; init; }

        public string? LeadTeamName { get; init; }

        /// <summary>What is open for the child, so two children of the same name are told apart.</summary>
        public IReadOnlyList<GetRecordHeader.StatusTag> Statuses { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Name).MaximumLength(100).WithMessage("Search for a name of 100 characters or fewer");
            RuleFor(q => q.Identifier).MaximumLength(20).WithMessage("Enter an NHS number, UPN or local ID of 20 characters or fewer");
            RuleFor(q => q.PageNumber).GreaterThan(0).WithMessage("Choose a page number of 1 or more");
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.IsEmpty)
            {
                return new Result([], 0, 1, 0);
            }

            var people = access.Visible(db.People);
            string? term = null;

            if (!string.IsNullOrWhiteSpace(query.Name))
            {
                term = NameNormaliser.Normalise(query.Name);
                var pattern = "%" + EscapeLike(term).Replace(" ", "%", StringComparison.Ordinal) + "%";
                // The names matching, read in one pass, then the people among them (an IN, not an EXISTS per person: at
                // 176,000 people the correlated check took half a second, the single pass a tenth of that).
                var named = db.PersonNames.Where(n => EF.Functions.Like(n.SearchText, pattern, "\\")).Select(n => n.PersonId);
                people = people.Where(p => named.Contains(p.Id));
            }

            if (query.DateOfBirth is { } dob)
            {
                people = people.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob);
            }

            if (!string.IsNullOrWhiteSpace(query.Identifier))
            {
                var compact = new string(query.Identifier.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
                people = people.Where(p => p.NhsNumber == compact || p.UniquePupilNumber == compact || p.LocalId == compact);
            }

            var total = await people.CountAsync(cancellationToken);
            var pageCount = (int)Math.Ceiling(total / (double)PageSize);
            var page = Math.Clamp(query.PageNumber, 1, Math.Max(pageCount, 1));

            var rows = await people
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(p => new
                {
                    p.Id,
                    p.Type,
                    p.GivenNames,
                    p.FamilyName,
                    p.DateOfBirth,
                    p.ExpectedDateOfBirth,
                    p.NhsNumber,
                    Postcode = p.Addresses.Where(a => a.To == null).Select(a => a.Postcode).FirstOrDefault(),
                    OtherNames = p.Names.Where(n => n.Kind != NameKind.Current).Select(n => new { n.GivenNames, n.FamilyName, n.SearchText }).ToList(),
                    IsRestricted = p.Restriction != null,
                    p.ApproximateDateOfBirth,
                    LeadWorker = db.Allocations.Where(a => a.ChildId == p.Id && a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead)
                        .Join(db.Staff, a => a.WorkerId, s => s.Id, (a, s) => s.DisplayName).FirstOrDefault(),
                    LeadTeam = db.Allocations.Where(a => a.ChildId == p.Id && a.EndedOn == null && a.Role == Domain.Allocations.AllocationRole.Lead)
                        .Join(db.Teams, a => a.TeamId, t => t.Id, (a, t) => t.Name).FirstOrDefault(),
                    OpenReferral = db.Referrals.Any(r => r.ChildId == p.Id && r.Status == Domain.SocialCare.ReferralStatus.Open),
                    EarlyHelp = db.EarlyHelpEpisodes.Where(e => e.EndedOn == null).SelectMany(e => e.Children).Any(c => c.ChildId == p.Id),
                    ChildInNeed = db.ChildInNeedPlans.Any(c => c.ChildId == p.Id && c.EndedOn == null),
                    ProtectionCategory = db.ChildProtectionPlans.Where(c => c.ChildId == p.Id && c.EndedOn == null).Select(c => c.LatestCategory).FirstOrDefault(),
                    PreProceedings = db.PreProceedings.Any(c => c.ChildId == p.Id && c.DecidedOn == null),
                    LegalStatus = db.PeriodsOfCare.Where(c => c.ChildId == p.Id && c.EndedOn == null)
                        .SelectMany(c => c.Episodes).Where(e => e.EndedOn == null)
                        .OrderByDescending(e => e.StartedOn).Select(e => e.LegalStatus).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);

            var matches = rows.Select(r => new Match(
                r.Id, r.Type, r.GivenNames, r.FamilyName, r.DateOfBirth, r.ExpectedDateOfBirth, r.NhsNumber, r.Postcode,
                OtherNameMatched(term, r.GivenNames, r.FamilyName, r.OtherNames.Select(o => (o.GivenNames + " " + o.FamilyName, o.SearchText))),
                r.IsRestricted)
            {
                ApproximateDateOfBirth = r.ApproximateDateOfBirth,
                LeadWorkerName = r.LeadWorker,
                LeadTeamName = r.LeadTeam,
                Statuses = GetRecordHeader.StatusesFrom(r.OpenReferral, r.EarlyHelp, r.ChildInNeed, r.ProtectionCategory, r.LegalStatus, r.PreProceedings),
            }).ToList();

            return new Result(matches, total, page, pageCount);
        }

        /// <summary>When the search hit a previous name or alias, say which, so the practitioner sees why.</summary>
        private static string? OtherNameMatched(string? term, string given, string family, IEnumerable<(string Name, string Search)> others)
        {
            if (term is null || Matches(NameNormaliser.Normalise($"{given} {family}"), term))
            {
                return null;
            }

            return others.FirstOrDefault(o => Matches(o.Search, term)).Name;
        }

        private static bool Matches(string searchText, string term)
        {
            var position = 0;
            foreach (var part in term.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var found = searchText.IndexOf(part, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + part.Length;
            }

            return true;
        }

        private static string EscapeLike(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal);
    }
}
