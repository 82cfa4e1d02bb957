using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.People;
using FluentValidation;

namespace ChildrenServices.Application.People;

/// <summary>The characteristics a person form collects; shared by create and edit.</summary>
public abstract record PersonDetailsInput
{
    public DateOnly? DateOfBirth { get; init; }

    public DateOnly? ExpectedDateOfBirth { get; init; }

    public DateOnly? DateOfDeath { get; init; }

    /// <summary>Roughly how old the child is in years, when the date of birth is not known.</summary>
    public int? ApproximateAge { get; init; }

    /// <summary>Why the date of birth is not known ("Police gave an age only").</summary>
    public string? DateOfBirthNotKnownReason { get; init; }

    public Sex Sex { get; init; }

    public string? EthnicityCode { get; init; }

    public List<string> DisabilityCodes { get; init; } = [];

    public string? FirstLanguage { get; init; }

    public bool InterpreterRequired { get; init; }

    public string? NhsNumber { get; init; }

    public string? UniquePupilNumber { get; init; }

    public string? UpnUnknownReason { get; init; }

    /// <param name="today">The day the details are recorded: an approximate age is counted from it.</param>
    public PersonDetails ToDetails(DateOnly today) => new(
        DateOfBirth,
        ExpectedDateOfBirth,
        DateOfDeath,
        Sex,
        string.IsNullOrWhiteSpace(EthnicityCode) ? null : EthnicityCode,
        DisabilityCodes,
        FirstLanguage,
        InterpreterRequired,
        PersonRules.NormaliseNhsNumber(NhsNumber),
        PersonRules.NormaliseUpn(UniquePupilNumber),
        string.IsNullOrWhiteSpace(UpnUnknownReason) ? null : UpnUnknownReason)
    {
        ApproximateAge = ApproximateAge,
        DateOfBirthNotKnownReason = DateOfBirthNotKnownReason,
        RecordedOn = today,
    };
}

public sealed class PersonDetailsValidator : AbstractValidator<PersonDetailsInput>
{
    public const int MaxReasonLength = 200;

    public PersonDetailsValidator(TimeProvider clock)
    {
        RuleFor(x => x.DateOfBirth)
            .NotNull().When(x => x.ExpectedDateOfBirth is null && x.ApproximateAge is null && string.IsNullOrWhiteSpace(x.DateOfBirthNotKnownReason))
            .WithMessage("Enter the date of birth, the expected date of birth for an unborn child, or why the date of birth is not known");
        RuleFor(x => x.DateOfBirthNotKnownReason)
            .NotEmpty().When(x => x.DateOfBirth is null && x.ExpectedDateOfBirth is null && x.ApproximateAge is not null)
            .WithMessage("Enter why the date of birth is not known, for example 'Police gave an age only'");
        RuleFor(x => x.DateOfBirthNotKnownReason)
            .MaximumLength(MaxReasonLength).WithMessage($"The reason the date of birth is not known must be {MaxReasonLength} characters or fewer");
        RuleFor(x => x.ApproximateAge)
            .InclusiveBetween(0, 120).When(x => x.ApproximateAge is not null)
            .WithMessage("Enter the approximate age in whole years, from 0 to 120");
        RuleFor(x => x.ApproximateAge)
            .Null().When(x => x.DateOfBirth is not null || x.ExpectedDateOfBirth is not null)
            .WithMessage("Leave the approximate age blank when the date of birth is known");
        RuleFor(x => x.DateOfBirth)
            .Must(d => d <= UkTime.Today(clock)).When(x => x.DateOfBirth is not null)
            .WithMessage("The date of birth must be today or in the past");
        RuleFor(x => x.DateOfBirth)
            .Must(d => d >= new DateOnly(1900, 1, 1)).When(x => x.DateOfBirth is not null)
            .WithMessage("The date of birth must be after 1 January 1900");
        RuleFor(x => x.ExpectedDateOfBirth)
            .Null().When(x => x.DateOfBirth is not null)
            .WithMessage("Enter either a date of birth or an expected date of birth, not both");
        RuleFor(x => x.ExpectedDateOfBirth)
            .Must(d => d >= UkTime.Today(clock).AddMonths(-1) && d <= UkTime.Today(clock).AddMonths(10))
            .When(x => x.ExpectedDateOfBirth is not null)
            .WithMessage("The expected date of birth must be within the next 10 months");
        RuleFor(x => x.DateOfDeath)
            .Must(d => d <= UkTime.Today(clock)).When(x => x.DateOfDeath is not null)
            .WithMessage("The date of death must be today or in the past");
        RuleFor(x => x.DateOfDeath)
            .Must((x, d) => x.DateOfBirth is null || d >= x.DateOfBirth).When(x => x.DateOfDeath is not null)
            .WithMessage("The date of death cannot be before the date of birth");
        RuleFor(x => x.Sex).IsInEnum().WithMessage("Select the sex recorded at birth, or 'Not known'");
        RuleFor(x => x.EthnicityCode).InCodeSet(DfeCodes.Ethnicity, "ethnicity");
        RuleForEach(x => x.DisabilityCodes)
            .Must(c => DfeCodes.Disability.Contains(c)).WithMessage("Select disabilities from the list");
        RuleFor(x => x.DisabilityCodes)
            .Must(c => !(c.Contains("NONE") && c.Count > 1))
            .WithMessage("Select 'None' or the disabilities the person has, not both");
        RuleFor(x => x.FirstLanguage).MaximumLength(60).WithMessage("The first language must be 60 characters or fewer");
        RuleFor(x => x.NhsNumber).ValidNhsNumber();
        RuleFor(x => x.UniquePupilNumber).ValidUpn();
        RuleFor(x => x.UpnUnknownReason).InCodeSet(DfeCodes.UpnUnknown, "reason the UPN is not known");
    }
}
