using ChildrenServices.Application.EarlyHelp;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.People;
using ChildrenServices.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Pipeline;

/// <summary>
/// A required answer left blank is refused with its own message. These rules sit in chains where a
/// later check applies only when the answer is there; that condition must not switch off the
/// "required" check before it (FluentValidation applies a condition to the whole chain by default).
/// </summary>
public sealed class RequiredAnswerTests(AppFactory factory) : IntegrationTest(factory)
{
    public static TheoryData<string, object, string, string> BlankAnswers() => new()
    {
        { "early help end date", new EndEpisode.Command(), "EndedOn", "Enter the date early help ended" },
        { "plan action due date", new AddPlanAction.Command { Action = "Book GP visit", Owner = "Mum" }, "DueOn", "Enter the date it is due" },
        { "review meeting date", new RecordTafReview.Command(), "HeldOn", "Enter the date of the meeting" },
        { "next review date", new RecordTafReview.Command(), "NextReviewOn", "Enter the date of the next review" },
        { "postcode of a move", new RecordMove.Command { Line1 = "1 High Street", Town = "Swindon" }, "Postcode", "Enter the postcode" },
        { "time a contact was received", new RecordContact.Command(), "ReceivedTime", "Enter the time the contact was received, for example 14:05" },
    };

    [Theory]
    [MemberData(nameof(BlankAnswers))]
    public async Task ABlankRequiredAnswer_IsRefusedWithItsOwnMessage(string answer, object command, string field, string message)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var validatorType = typeof(IValidator<>).MakeGenericType(command.GetType());
        var errors = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in scope.ServiceProvider.GetServices(validatorType).OfType<IValidator>())
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(command), TestContext.Current.CancellationToken);
            errors.AddRange(result.Errors);
        }

        Assert.True(errors.Any(e => e.PropertyName == field && e.ErrorMessage == message), $"{answer}: expected \"{message}\" on {field}, got: {string.Join("; ", errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
    }
}
