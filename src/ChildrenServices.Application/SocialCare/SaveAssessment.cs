using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.SocialCare;

/// <summary>The worker saves the analysis, the DfE factors, the outcome and (when late) why.</summary>
public static class SaveAssessment
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand, IPersonScoped, IAudited, IVersioned
    {
        public Guid PersonId { get; init; }

        public Guid AssessmentId { get; init; }

        public Guid Version { get; init; }

        public string? Analysis { get; init; }

        public List<string> Factors { get; init; } = [];

        public AssessmentOutcome? Outcome { get; init; }

        public string? LateReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Analysis).MaximumLength(ChildAndFamilyAssessment.TextLimit).WithMessage("The analysis must be 20,000 characters or fewer");
            RuleFor(c => c.LateReason).MaximumLength(ChildAndFamilyAssessment.TextLimit).WithMessage("The reason must be 20,000 characters or fewer");
            RuleFor(c => c.Outcome).IsInEnum().WithMessage("Select the outcome of the assessment");
            RuleFor(c => c.Factors).Must(f => f.All(code => DfeCodes.AssessmentFactors.Find(code) is { ValidToYear: null }))
                .WithMessage("Select factors from the list");
            RuleFor(c => c.Factors).Must(f => !f.Contains(DfeCodes.NoFactorsIdentified) || f.Count == 1)
                .WithMessage("“21 No factors identified” cannot be selected with any other factor");
        }
    }

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var assessment = await AssessmentLoader.LoadAsync(db, command.PersonId, command.AssessmentId, command.Version, cancellationToken);
            assessment.Record(command.Analysis, command.Factors, command.Outcome, command.LateReason);
            return Unit.Value;
        }
    }
}
