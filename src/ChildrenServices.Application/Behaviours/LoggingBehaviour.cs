using System.Diagnostics;
using ChildrenServices.Application.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace ChildrenServices.Application.Behaviours;

/// <summary>
/// Outermost: names the use case, the user, the time taken and the outcome. Never the message body,
/// which carries children's personal data.
/// </summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = MessageNames.Of(typeof(TMessage));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            logger.LogInformation(
                "Use case {UseCase} by user {UserId} succeeded in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                name, user.UserId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, user.CorrelationId);
            return response;
        }
        catch (Exception ex) when (ex is FluentValidation.ValidationException or Domain.Common.DomainRuleException or ConcurrencyConflictException)
        {
            logger.LogInformation(
                "Use case {UseCase} by user {UserId} refused ({Outcome}) in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                name, user.UserId, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, user.CorrelationId);
            throw;
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            // The authorisation behaviour has already logged the security event.
            throw;
        }
        catch (Exception ex)
        {
            // The exception type only: its message may quote data.
            logger.LogError(
                "Use case {UseCase} by user {UserId} failed with {ExceptionType} in {ElapsedMs:0.0} ms (correlation {CorrelationId})",
                name, user.UserId, ex.GetType().FullName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, user.CorrelationId);
            throw;
        }
    }
}
