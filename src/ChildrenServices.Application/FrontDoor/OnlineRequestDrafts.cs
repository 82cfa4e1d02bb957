using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// Begin a public online request: a new server-side draft whose random id is the only thing the
/// browser holds. Drafts past their expiry are deleted here, so nobody's half-typed worry about a
/// child sits in the database longer than a day.
/// </summary>
public static class StartOnlineRequest
{
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromHours(24);

    [AllowPublic]
    public sealed record Command : ICommand<Guid>;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OnlineRequestDrafts.Where(d => d.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
            var draft = new OnlineRequestDraft(now, DraftLifetime);
            db.OnlineRequestDrafts.Add(draft);
            return draft.Id;
        }
    }
}

/// <summary>The answers in the caller's own draft (known only by its random id); null when missing or expired.</summary>
public static class GetOnlineRequestDraft
{
    [AllowPublic]
    public sealed record Query(Guid DraftId) : IQuery<OnlineRequestAnswers?>;

    public sealed class Handler(IAppDbContext db, TimeProvider clock) : IQueryHandler<Query, OnlineRequestAnswers?>
    {
        public async ValueTask<OnlineRequestAnswers?> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var json = await db.OnlineRequestDrafts.AsNoTracking()
                .Where(d => d.Id == query.DraftId && d.ExpiresAtUtc > now)
                .Select(d => d.Answers)
                .SingleOrDefaultAsync(cancellationToken);
            return json is null ? null : OnlineRequestAnswers.FromJson(json);
        }
    }
}

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

/// <summary>Throw a draft away: the requester gave up, or a bot filled the honeypot.</summary>
public static class DiscardOnlineRequestDraft
{
    [AllowPublic]
    public sealed record Command(Guid DraftId) : ICommand;

    public sealed class Handler(IAppDbContext db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.OnlineRequestDrafts.Where(d => d.Id == command.DraftId).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
