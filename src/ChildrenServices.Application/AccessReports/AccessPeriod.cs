using FluentValidation;

namespace ChildrenServices.Application.AccessReports;

/// <summary>An access report's period: whole UK days, from and to.</summary>
public interface IAccessPeriod
{
    DateOnly? From { get; }

    DateOnly? To { get; }
}

/// <summary>A report's period, whole UK days from and to, as the UTC instants the audit trail is kept in; and its rules.</summary>
public static class AccessPeriod
{
    public static (DateTime From, DateTime To) Utc(DateOnly from, DateOnly to) =>
        (UkTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), UkTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>Both days given, the second not before the first: included by each report's validator.</summary>
    public sealed class Rules : AbstractValidator<IAccessPeriod>
    {
        public Rules()
        {
            RuleFor(q => q.From).NotNull().WithMessage("Enter the date the period starts");
            RuleFor(q => q.To).NotNull().WithMessage("Enter the date the period ends")
                .GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null).WithMessage("The period must end on or after the day it starts");
        }
    }
}
