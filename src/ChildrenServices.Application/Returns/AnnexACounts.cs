using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// How many rows each of Ofsted's Annex A lists 1 to 8 holds for a period, before it is downloaded: one statement, the
/// same rows the download writes. Counts only: no child is named.
/// </summary>
public static class AnnexACounts
{
    [RequiresPermission(Permission.ProduceReturns)]
    public sealed record Query(DateOnly From, DateOnly To) : IQuery<Result>;

    /// <param name="Rows">Each list's number of rows, by its number.</param>
    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyDictionary<int, int> Rows);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(TimeProvider clock) =>
            RuleFor(q => q).Custom((q, context) =>
            {
                foreach (var (field, message) in AnnexA.PeriodProblems(q.From, q.To, UkTime.Today(clock)))
                {
                    context.AddFailure(field, message);
                }
            });
    }

    public sealed class Handler(IAppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken) =>
            new(query.From, query.To, await new AnnexAReader(db, query.From, query.To).CountAsync(cancellationToken));
    }
}
