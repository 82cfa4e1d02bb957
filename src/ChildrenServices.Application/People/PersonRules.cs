using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.People;
using FluentValidation;

namespace ChildrenServices.Application.People;

/// <summary>Field rules shared by the person forms, in the words GOV.UK pattern guidance uses.</summary>
public static class PersonRules
{
    public const int MaxNameLength = 100;

    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"Enter the {what}")
            .MaximumLength(MaxNameLength).WithMessage($"The {what} must be {MaxNameLength} characters or fewer");

    public static IRuleBuilderOptions<T, string?> ValidNhsNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || NhsNumber.IsValid(v))
            .WithMessage("Enter a valid NHS number, like 943 476 5919: this one's check digit is wrong or it is not 10 digits");

    public static IRuleBuilderOptions<T, string?> ValidUpn<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || UniquePupilNumber.IsValid(v))
            .WithMessage("Enter a valid unique pupil number (UPN): 13 characters starting with its check letter");

    public static IRuleBuilderOptions<T, string?> InCodeSet<T>(this IRuleBuilder<T, string?> rule, CodeSet codes, string what) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || codes.Contains(v)).WithMessage($"Select the {what} from the list");

    public static DateOnly? DateOfBirthLimit(TimeProvider clock) => UkTime.Today(clock);

    /// <summary>Null for blank, otherwise the normalised 10 digits.</summary>
    public static string? NormaliseNhsNumber(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : NhsNumber.Parse(value).Value;

    public static string? NormaliseUpn(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : UniquePupilNumber.Parse(value).Value;
}
