using FluentValidation;
using Mediator;

namespace ChildrenServices.Application.Behaviours;

/// <summary>Third: FluentValidation. Failures surface on the page as field errors with status 400.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            // A validator never queries the database synchronously (refused in Development and Testing).
            using (SynchronousQueryGuard.Enter($"The validator {validator.GetType().FullName}"))
            {
                var result = await validator.ValidateAsync(message, cancellationToken);
                failures.AddRange(result.Errors);
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next(message, cancellationToken);
    }
}
