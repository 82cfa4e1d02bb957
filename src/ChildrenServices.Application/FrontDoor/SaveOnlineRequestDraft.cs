using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>Keep the answers so far. False when the draft is missing or expired (the person starts again).</summary>
public static class SaveOnlineRequestDraft
{
    [AllowPublic]
    public sealed record Command(Guid DraftId, OnlineRequestAnswers Answers) : ICommand<bool>;

    /// <summary>Each page checks its own section first; this stops anything oversized reaching the database whatever the caller.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers.Children.Count).LessThanOrEqualTo(OnlineRequestAnswers.MaxChildren)
                .WithMessage("You can tell us about up to 10 children in one request");
            RuleFor(c => c.Answers.ToJson().Length).LessThanOrEqualTo(200_000)
                .WithMessage("Your answers are too long");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var draft = await db.OnlineRequestDrafts.SingleOrDefaultAsync(d => d.Id == command.DraftId, cancellationToken);
            if (draft is null || draft.ExpiresAtUtc <= now)
            {
                return false;
            }

            draft.Save(command.Answers.ToJson(), now);
            return true;
        }
    }
}
