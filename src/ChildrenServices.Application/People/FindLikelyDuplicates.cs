using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>
/// People who are probably the one about to be created: the same NHS number, or the same date of
/// birth with the same or a similar name (any name they have been known by). Shown before saving.
/// </summary>
public static class FindLikelyDuplicates
{
    [RequiresPermission(Permission.SearchPeople)]
    public sealed record Query(string? GivenNames, string? FamilyName, DateOnly? DateOfBirth, string? NhsNumber) : IQuery<IReadOnlyList<Candidate>>;

    public sealed record Candidate(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber, string Reason);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.GivenNames).MaximumLength(PersonRules.MaxNameLength);
            RuleFor(q => q.FamilyName).MaximumLength(PersonRules.MaxNameLength);
        }
    }

    public sealed class Handler(DuplicateFinder finder) : IQueryHandler<Query, IReadOnlyList<Candidate>>
    {
        public async ValueTask<IReadOnlyList<Candidate>> Handle(Query query, CancellationToken cancellationToken) =>
            await finder.FindAsync(query.GivenNames, query.FamilyName, query.DateOfBirth, query.NhsNumber, cancellationToken);
    }
}
