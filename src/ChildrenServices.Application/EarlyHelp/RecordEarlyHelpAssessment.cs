using ChildrenServices.Application.Security;
using ChildrenServices.Domain.EarlyHelp;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.EarlyHelp;

/// <summary>Save the early help assessment (and, when ready, complete it). Two editors never overwrite each other.</summary>
public static class RecordEarlyHelpAssessment
{
    [RequiresPermission(Permission.RecordPeople)]
    public sealed record Command : ICommand, IEpisodeScoped, IAudited, IVersioned
    {
        public Guid EpisodeId { get; init; }

        /// <summary>The assessment's version as loaded.</summary>
        public Guid Version { get; init; }

        public string? Worries { get; init; }

        public string? WorkingWell { get; init; }

        public string? NeedsToHappen { get; init; }

        public int? Scaling { get; init; }

        public List<VoiceInput> Voices { get; init; } = [];

        public bool Complete { get; init; }
    }

    public sealed record VoiceInput
    {
        public Guid ChildId { get; init; }

        public string? Voice { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Worries).MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("What we are worried about must be 10,000 characters or fewer");
            RuleFor(c => c.WorkingWell).MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("What is working well must be 10,000 characters or fewer");
            RuleFor(c => c.NeedsToHappen).MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("What needs to happen must be 10,000 characters or fewer");
            RuleFor(c => c.Scaling).InclusiveBetween(0, 10).When(c => c.Scaling is not null).WithMessage("The scaling judgement is a number from 0 to 10");
            RuleForEach(c => c.Voices).ChildRules(v => v.RuleFor(x => x.Voice).MaximumLength(EarlyHelpEpisode.TextLimit).WithMessage("A child's voice must be 10,000 characters or fewer"));
            When(c => c.Complete, () =>
            {
                RuleFor(c => c.Worries).NotEmpty().WithMessage("Enter what we are worried about");
                RuleFor(c => c.WorkingWell).NotEmpty().WithMessage("Enter what is working well");
                RuleFor(c => c.NeedsToHappen).NotEmpty().WithMessage("Enter what needs to happen");
                RuleFor(c => c.Scaling).NotNull().WithMessage("Enter a scaling judgement from 0 to 10");
            });
        }
    }

    public sealed class Handler(IAppDbContext db, RecordAccess access, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await EpisodeRecording.EnsureCanRecordAsync(access, command.EpisodeId, cancellationToken);
            await EpisodeRecording.EnsureOpenAsync(db, command.EpisodeId, cancellationToken);
            var assessment = await db.EarlyHelpAssessments.Include(a => a.Voices).SingleAsync(a => a.EpisodeId == command.EpisodeId, cancellationToken);
            db.ExpectVersion(assessment, command.Version);
            var childIds = await db.EarlyHelpEpisodes.Where(e => e.Id == command.EpisodeId).SelectMany(e => e.Children.Select(c => c.ChildId)).ToListAsync(cancellationToken);
            var voices = command.Voices.Where(v => childIds.Contains(v.ChildId)).ToDictionary(v => v.ChildId, v => v.Voice);
            assessment.Record(command.Worries, command.WorkingWell, command.NeedsToHappen, command.Scaling, voices);
            if (command.Complete)
            {
                assessment.Complete(UkTime.Today(clock), childIds);
            }

            return Unit.Value;
        }
    }
}
