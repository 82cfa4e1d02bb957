using System.Globalization;
using ChildrenServices.Application.People;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>What the contact form collects; shared by recording and editing a contact.</summary>
public abstract record ContactDetailsInput
{
    public ContactRoute? Route { get; init; }

    public DateOnly? ReceivedDate { get; init; }

    /// <summary>24-hour clock, "14:05".</summary>
    public string? ReceivedTime { get; init; }

    public string? ReferrerName { get; init; }

    public string? ReferrerAgency { get; init; }

    public string? ReferrerRole { get; init; }

    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? ReferralSourceCode { get; init; }

    public string? Concerns { get; init; }

    public string? WorkingWell { get; init; }

    public string? Worries { get; init; }

    public string? LivedExperience { get; init; }

    public ConsentToShare? Consent { get; init; }

    public string? ConsentOverrideReason { get; init; }

    public ContactUrgency? Urgency { get; init; }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public DateTime ReceivedAtUtc()
    {
        TryParseTime(ReceivedTime, out var time);
        return UkTime.ToUtc(ReceivedDate!.Value.ToDateTime(time));
    }

    public Referrer ToReferrer() => new(ReferrerName!.Trim(), Clean(ReferrerAgency), Clean(ReferrerRole), Clean(ReferrerPhone), Clean(ReferrerEmail), ReferralSourceCode!);

    public ContactAccount ToAccount() => new(Concerns!.Trim(), Clean(WorkingWell), Clean(Worries), Clean(LivedExperience));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ContactDetailsValidator : AbstractValidator<ContactDetailsInput>
{
    public ContactDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.Route).NotNull().WithMessage("Select how the contact came in").IsInEnum();
        RuleFor(x => x.ReceivedDate).NotNull().WithMessage("Enter the date the contact was received");
        RuleFor(x => x.ReceivedDate)
            .Must(d => d <= UkTime.Today(clock)).When(x => x.ReceivedDate is not null)
            .WithMessage("The date received must be today or in the past");
        RuleFor(x => x.ReceivedDate)
            .Must(d => d >= UkTime.Today(clock).AddYears(-1)).When(x => x.ReceivedDate is not null)
            .WithMessage("The date received must be within the last year");
        RuleFor(x => x.ReceivedTime)
            .NotEmpty().WithMessage("Enter the time the contact was received, for example 14:05")
            .Must(t => ContactDetailsInput.TryParseTime(t, out _)).When(x => !string.IsNullOrWhiteSpace(x.ReceivedTime), ApplyConditionTo.CurrentValidator)
            .WithMessage("Enter the time as hours and minutes on the 24-hour clock, for example 14:05");
        RuleFor(x => x)
            .Must(x => x.ReceivedAtUtc() <= clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            .When(x => x.ReceivedDate is not null && ContactDetailsInput.TryParseTime(x.ReceivedTime, out _) && x.ReceivedDate <= UkTime.Today(clock))
            .WithName("ReceivedTime").OverridePropertyName("ReceivedTime")
            .WithMessage("The time received cannot be in the future");
        RuleFor(x => x.ReferrerName).NotEmpty().WithMessage("Enter the referrer's name (or 'Anonymous')")
            .MaximumLength(Contact.ShortTextLimit).WithMessage($"The referrer's name must be {Contact.ShortTextLimit} characters or fewer");
        RuleFor(x => x.ReferrerAgency).MaximumLength(Contact.ShortTextLimit).WithMessage($"The agency must be {Contact.ShortTextLimit} characters or fewer");
        RuleFor(x => x.ReferrerRole).MaximumLength(Contact.ShortTextLimit).WithMessage($"The referrer's role must be {Contact.ShortTextLimit} characters or fewer");
        RuleFor(x => x.ReferrerPhone).MaximumLength(50).WithMessage("The phone number must be 50 characters or fewer")
            .Matches(@"^[0-9 +()\-]*$").WithMessage("Enter a phone number, like 01632 960 001 or +44 808 157 0192");
        RuleFor(x => x.ReferrerEmail).MaximumLength(256).WithMessage("The email address must be 256 characters or fewer")
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ReferrerEmail)).WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(x => x.ReferralSourceCode).NotEmpty().WithMessage("Select the referral source")
            .InCodeSet(DfeCodes.ReferralSource, "referral source");
        RuleFor(x => x.Concerns).NotEmpty().WithMessage("Enter the concerns in the referrer's words").LongText("The concerns");
        RuleFor(x => x.WorkingWell).LongText("What is working well");
        RuleFor(x => x.Worries).LongText("What the worries are");
        RuleFor(x => x.LivedExperience).LongText("The child's lived experience");
        RuleFor(x => x.Consent).NotNull().WithMessage("Select whether consent to share information was given").IsInEnum();
        RuleFor(x => x.ConsentOverrideReason)
            .NotEmpty().When(x => x.Consent == ConsentToShare.Overridden)
            .WithMessage("Say why consent is being overridden")
            .LongText("The reason for overriding consent");
        RuleFor(x => x.Urgency).NotNull().WithMessage("Select the urgency").IsInEnum();
    }
}

public static class FrontDoorRules
{
    public static IRuleBuilderOptions<T, string?> LongText<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.MaximumLength(Contact.LongTextLimit).WithMessage($"{what} must be {Contact.LongTextLimit:N0} characters or fewer");
}
