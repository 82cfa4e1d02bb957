using System.Collections.Concurrent;
using System.Reflection;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ChildrenServices.Application.Behaviours;

/// <summary>
/// Second: the permission the message declares, then record-level access for a message about a
/// person. Runs before validation, so a refused user learns nothing from validation messages.
/// </summary>
public sealed class AuthorisationBehaviour<TMessage, TResponse>(
    ICurrentUser user,
    RecordAccess access,
    Microsoft.Extensions.Options.IOptions<ReadingSettings> reading,
    TimeProvider clock,
    ILogger<AuthorisationBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>
    /// Need to know (issue 15), asked by every use case that reads about a child (their record, a contact or a family's early
    /// help naming them), not only by the record's pages: nothing that reads a child answers a colleague who does not
    /// work with them and gave no reason. Commands are not asked: recording needs the case anyway.
    /// </summary>
    private async Task RequireReasonIfNeededAsync(IReadOnlyCollection<Guid> people, string name, CancellationToken ct)
    {
        if (typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage)) || reading.Value.ReadingPolicy != ReadingPolicy.NeedToKnow)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var personId in people)
        {
            if (await access.NeedsReasonToReadAsync(personId, reading.Value, now, ct))
            {
                logger.LogWarning(
                    "Security: user {UserId} asked to read about person {PersonId} without working with them or giving a reason, via {UseCase} (correlation {CorrelationId})",
                    user.UserId, personId, name, user.CorrelationId);
                throw new ReasonRequiredException(personId);
            }
        }
    }

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = MessageNames.Of(typeof(TMessage));
        var requirement = MessagePermissions.Of(typeof(TMessage));

        if (requirement.Public)
        {
            return await next(message, cancellationToken);
        }

        if (!user.IsAuthenticated)
        {
            logger.LogWarning("Security: anonymous call to {UseCase} refused (correlation {CorrelationId})", name, user.CorrelationId);
            throw new ForbiddenException("Sign in to continue");
        }

        if (requirement.Permission is { } permission && !user.HasPermission(permission))
        {
            logger.LogWarning(
                "Security: user {UserId} lacks {Permission} for {UseCase} (correlation {CorrelationId})",
                user.UserId, permission, name, user.CorrelationId);
            throw new ForbiddenException("You do not have permission to do this");
        }

        if (message is IPersonScoped scoped)
        {
            if (!await access.CanSeeAsync(scoped.PersonId, cancellationToken))
            {
                // Deliberately the same answer as for an id that does not exist.
                logger.LogWarning(
                    "Security: user {UserId} asked for person {PersonId} that is missing or restricted from them, via {UseCase} (correlation {CorrelationId})",
                    user.UserId, scoped.PersonId, name, user.CorrelationId);
                throw new NotFoundException("Page not found");
            }

            if (message is IBaseCommand && !await access.CanRecordAsync(scoped, cancellationToken))
            {
                logger.LogWarning(
                    "Security: user {UserId} may view but not record on person {PersonId}, via {UseCase} (correlation {CorrelationId})",
                    user.UserId, scoped.PersonId, name, user.CorrelationId);
                throw new ForbiddenException("You can read this record but not change it: it is held by another worker or team");
            }

            // Need to know (issue 15), asked again here for every use case that reads a child's record, not only by the
            // record's pages: nothing that reads a child answers someone who does not work with them and gave no reason.
            await RequireReasonIfNeededAsync([scoped.PersonId], name, cancellationToken);
        }

        if (message is IContactScoped contactScoped && !await access.CanSeeContactAsync(contactScoped.ContactId, cancellationToken))
        {
            logger.LogWarning(
                "Security: user {UserId} asked for contact {ContactId} that is missing or about someone restricted from them, via {UseCase} (correlation {CorrelationId})",
                user.UserId, contactScoped.ContactId, name, user.CorrelationId);
            throw new NotFoundException("Page not found");
        }

        if (message is IContactScoped readContact and not IBaseCommand && reading.Value.ReadingPolicy == ReadingPolicy.NeedToKnow)
        {
            await RequireReasonIfNeededAsync(await access.PeopleOnContactAsync(readContact.ContactId, cancellationToken), name, cancellationToken);
        }

        if (message is IEpisodeScoped episode && !await access.CanSeeEpisodeAsync(episode.EpisodeId, cancellationToken))
        {
            logger.LogWarning(
                "Security: user {UserId} asked for early help episode {EpisodeId} that is missing or about someone restricted from them, via {UseCase} (correlation {CorrelationId})",
                user.UserId, episode.EpisodeId, name, user.CorrelationId);
            throw new NotFoundException("Page not found");
        }

        if (message is IEpisodeScoped readEpisode and not IBaseCommand && reading.Value.ReadingPolicy == ReadingPolicy.NeedToKnow)
        {
            await RequireReasonIfNeededAsync(await access.ChildrenInEpisodeAsync(readEpisode.EpisodeId, cancellationToken), name, cancellationToken);
        }

        // Recording on a family's early help is for its keyworker or their manager, asked here (before validation) as it
        // is for a child's record, so a colleague who may only read it learns nothing from the form's rules either.
        if (message is IEpisodeScoped recorded and IBaseCommand && !await access.CanRecordEpisodeAsync(recorded.EpisodeId, cancellationToken))
        {
            logger.LogWarning(
                "Security: user {UserId} may view but not record on early help episode {EpisodeId}, via {UseCase} (correlation {CorrelationId})",
                user.UserId, recorded.EpisodeId, name, user.CorrelationId);
            throw new ForbiddenException(RecordAccess.EpisodeRecordingRefusal);
        }

        if (message is IChildrenScoped several && several.ChildIds.Count > 0)
        {
            if (await access.FirstHiddenAsync(several.ChildIds, cancellationToken) is { } hidden)
            {
                logger.LogWarning(
                    "Security: user {UserId} asked for person {PersonId} that is missing or restricted from them, via {UseCase} (correlation {CorrelationId})",
                    user.UserId, hidden, name, user.CorrelationId);
                throw new NotFoundException("Page not found");
            }
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>What a message type declares about who may send it.</summary>
public sealed record MessagePermission(Permission? Permission, bool AnySignedInUser, bool Public = false)
{
    public bool IsDeclared => Permission is not null || AnySignedInUser || Public;
}

public static class MessagePermissions
{
    private static readonly ConcurrentDictionary<Type, MessagePermission> Cache = new();

    public static MessagePermission Of(Type messageType) => Cache.GetOrAdd(messageType, static t =>
    {
        var requires = t.GetCustomAttribute<RequiresPermissionAttribute>();
        var anyUser = t.GetCustomAttribute<AllowAnySignedInUserAttribute>() is not null;
        var isPublic = t.GetCustomAttribute<AllowPublicAttribute>() is not null;
        if (requires is null && !anyUser && !isPublic)
        {
            // Fail closed: an undeclared message is a programming error the architecture tests catch.
            throw new InvalidOperationException($"{t.FullName} declares no permission");
        }

        return new MessagePermission(requires?.Permission, anyUser, isPublic);
    });
}
