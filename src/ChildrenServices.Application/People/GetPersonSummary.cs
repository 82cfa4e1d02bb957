using ChildrenServices.Application.Security;
using ChildrenServices.Domain.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.People;

/// <summary>Just enough to name a person in a form ("Link Jordan Ellery as …"), under the same access rule as the record.</summary>
public static class GetPersonSummary
{
    [RequiresPermission(Permission.SearchPeople)]
    public sealed record Query(Guid PersonId) : IQuery<Summary>, IPersonScoped;

    public sealed record Summary(Guid Id, string FullName, PersonType Type, DateOnly? DateOfBirth);

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Summary>
    {
        public async ValueTask<Summary> Handle(Query query, CancellationToken cancellationToken) =>
            await db.People.Where(p => p.Id == query.PersonId)
                .Select(p => new Summary(p.Id, p.GivenNames + " " + p.FamilyName, p.Type, p.DateOfBirth))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Page not found");
    }
}
