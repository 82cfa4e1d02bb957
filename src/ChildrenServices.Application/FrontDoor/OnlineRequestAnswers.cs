using System.Text.Json;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;

namespace ChildrenServices.Application.FrontDoor;

public enum RequesterKind
{
    Professional = 1,
    MemberOfThePublic = 2,
}

/// <summary>A member of the public's relationship to the child, each mapped to a DfE referral source.</summary>
public enum PublicRelationship
{
    /// <summary>1A: family member, relative or carer.</summary>
    FamilyMember = 1,

    /// <summary>1C: the child or young person themselves.</summary>
    Self = 2,

    /// <summary>1D: anyone else (a neighbour, a friend, a stranger).</summary>
    Other = 3,
}

public enum FamilyAgreement
{
    Yes = 1,
    No = 2,
    NotAsked = 3,
}

/// <summary>
/// Everything typed into the public online request so far, one section per question page. Kept as
/// JSON in the server-side draft; the same sections are each page's input, so a page and the final
/// submission check them with the same rules.
/// </summary>
public sealed record OnlineRequestAnswers
{
    public const int MaxChildren = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public RequesterAnswer? Requester { get; init; }

    public RelationshipAnswer? Relationship { get; init; }

    public YourDetailsAnswer? Details { get; init; }

    public List<ChildAnswer> Children { get; init; } = [];

    /// <summary>Set once the children list has been confirmed as complete.</summary>
    public bool ChildrenComplete { get; init; }

    public AdultsAnswer? Adults { get; init; }

    public WorriesAnswer? Worries { get; init; }

    public ConsentAnswer? Consent { get; init; }

    public static OnlineRequestAnswers FromJson(string json) =>
        JsonSerializer.Deserialize<OnlineRequestAnswers>(json, Json) ?? new OnlineRequestAnswers();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The DfE referral source (CIN census) the requester's answers give.</summary>
    public string? SourceCode() => Requester?.Kind switch
    {
        RequesterKind.Professional => Relationship?.AgencyCode,
        RequesterKind.MemberOfThePublic => Relationship?.Relationship switch
        {
            PublicRelationship.FamilyMember => "1A",
            PublicRelationship.Self => "1C",
            PublicRelationship.Other => "1D",
            _ => null,
        },
        _ => null,
    };
}

public sealed record RequesterAnswer
{
    public RequesterKind? Kind { get; init; }
}

public sealed record RelationshipAnswer
{
    /// <summary>Copied from the requester answer by the page, never bound from the form.</summary>
    public RequesterKind? Kind { get; init; }

    public PublicRelationship? Relationship { get; init; }

    /// <summary>A professional's kind of organisation, as a DfE referral source code.</summary>
    public string? AgencyCode { get; init; }
}

public sealed record YourDetailsAnswer
{
    /// <summary>Copied from the requester answer by the page, never bound from the form.</summary>
    public RequesterKind? Kind { get; init; }

    public string? Name { get; init; }

    public string? Organisation { get; init; }

    public string? Role { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}

public sealed record ChildAnswer
{
    public Guid Id { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? AgeOrOtherDetails { get; init; }

    public string? Address { get; init; }

    public string? School { get; init; }
}

public sealed record AdultsAnswer
{
    public string? Adults { get; init; }
}

public sealed record WorriesAnswer
{
    public string? Concerns { get; init; }

    public string? WorkingWell { get; init; }

    public string? DayToDay { get; init; }
}

public sealed record ConsentAnswer
{
    public FamilyAgreement? FamilyAgreed { get; init; }

    public string? NoConsentReason { get; init; }
}

/// <summary>The agency types a professional chooses from: the DfE referral sources that are not individuals.</summary>
public static class ProfessionalSources
{
    public static IReadOnlyList<(string Code, string Description)> All { get; } =
    [
        ("2A", "School"),
        ("2B", "Other education service, for example a nursery or college"),
        ("3A", "GP (general practitioner)"),
        ("3B", "Health visitor"),
        ("3C", "School nurse"),
        ("3D", "Other primary health service, for example a midwife or dentist"),
        ("3E", "A&E (accident and emergency department)"),
        ("3F", "Other health service, for example a hospital or hospice"),
        ("4", "Housing (council housing or housing association)"),
        ("5A", "Council social care, for example adult social care"),
        ("5B", "Other council service, for example youth justice"),
        ("5C", "Another council's services"),
        ("5D", "Early help"),
        ("6", "Police"),
        ("7", "Courts, probation, prison, immigration or Cafcass"),
        ("8", "Voluntary organisation, children's centre or other agency"),
    ];

    public static bool IsValid(string? code) => All.Any(s => s.Code == code);
}

public sealed class RequesterAnswerValidator : AbstractValidator<RequesterAnswer>
{
    public RequesterAnswerValidator()
    {
        RuleFor(a => a.Kind).NotNull().WithMessage("Select whether you are a professional or a member of the public").IsInEnum();
    }
}

public sealed class RelationshipAnswerValidator : AbstractValidator<RelationshipAnswer>
{
    public RelationshipAnswerValidator()
    {
        RuleFor(a => a.Kind).NotNull().WithMessage("Select whether you are a professional or a member of the public");
        RuleFor(a => a.Relationship).NotNull().WithMessage("Select your relationship to the child").IsInEnum()
            .When(a => a.Kind == RequesterKind.MemberOfThePublic);
        RuleFor(a => a.AgencyCode).Must(ProfessionalSources.IsValid).WithMessage("Select the type of organisation you work for")
            .When(a => a.Kind == RequesterKind.Professional);
    }
}

public sealed class YourDetailsAnswerValidator : AbstractValidator<YourDetailsAnswer>
{
    public YourDetailsAnswerValidator()
    {
        RuleFor(a => a.Name).NotEmpty().WithMessage("Enter your name")
            .MaximumLength(OnlineRequestLimits.Name).WithMessage("Your name must be 100 characters or fewer");
        RuleFor(a => a.Organisation).NotEmpty().WithMessage("Enter the name of your organisation").When(a => a.Kind == RequesterKind.Professional);
        RuleFor(a => a.Organisation).MaximumLength(Contact.ShortTextLimit).WithMessage("The name of your organisation must be 200 characters or fewer");
        RuleFor(a => a.Role).NotEmpty().WithMessage("Enter your job title or role").When(a => a.Kind == RequesterKind.Professional);
        RuleFor(a => a.Role).MaximumLength(Contact.ShortTextLimit).WithMessage("Your job title or role must be 200 characters or fewer");
        RuleFor(a => a.Phone).NotEmpty().WithMessage("Enter a phone number or an email address, so we can contact you")
            .When(a => string.IsNullOrWhiteSpace(a.Email));
        RuleFor(a => a.Phone)
            .Must(p => p!.Length <= OnlineRequestLimits.Phone && p.Count(char.IsDigit) is >= 6 and <= 20 && p.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
            .WithMessage("Enter a phone number, like 01632 960 001 or 07700 900 982")
            .When(a => !string.IsNullOrWhiteSpace(a.Phone));
        RuleFor(a => a.Email)
            .Must(e => e!.Length <= OnlineRequestLimits.Email && LooksLikeEmail(e.Trim()))
            .WithMessage("Enter an email address in the correct format, like name@example.com")
            .When(a => !string.IsNullOrWhiteSpace(a.Email));
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');
    }
}

public sealed class ChildAnswerValidator : AbstractValidator<ChildAnswer>
{
    public ChildAnswerValidator(TimeProvider clock)
    {
        RuleFor(a => a.GivenName).NotEmpty().WithMessage("Enter the child's first name")
            .MaximumLength(OnlineRequestLimits.Name).WithMessage("The child's first name must be 100 characters or fewer");
        RuleFor(a => a.FamilyName).NotEmpty().WithMessage("Enter the child's last name")
            .MaximumLength(OnlineRequestLimits.Name).WithMessage("The child's last name must be 100 characters or fewer");
        RuleFor(a => a.DateOfBirth).Must(d => d <= UkTime.Today(clock)).WithMessage("Enter a date of birth in the past")
            .When(a => a.DateOfBirth is not null);
        RuleFor(a => a.AgeOrOtherDetails).NotEmpty().WithMessage("Enter the child's date of birth or, if you do not know it, their approximate age")
            .When(a => a.DateOfBirth is null);
        RuleFor(a => a.AgeOrOtherDetails).MaximumLength(Contact.ShortTextLimit).WithMessage("The child's age or other details must be 200 characters or fewer");
        RuleFor(a => a.Address).MaximumLength(OnlineRequestLimits.Address).WithMessage("The child's address must be 500 characters or fewer");
        RuleFor(a => a.School).MaximumLength(Contact.ShortTextLimit).WithMessage("The child's school or nursery must be 200 characters or fewer");
    }
}

public sealed class AdultsAnswerValidator : AbstractValidator<AdultsAnswer>
{
    public AdultsAnswerValidator()
    {
        RuleFor(a => a.Adults).MaximumLength(Contact.LongTextLimit).WithMessage("What you tell us about the adults must be 10,000 characters or fewer");
    }
}

public sealed class WorriesAnswerValidator : AbstractValidator<WorriesAnswer>
{
    public WorriesAnswerValidator()
    {
        RuleFor(a => a.Concerns).NotEmpty().WithMessage("Enter what you are worried about")
            .MaximumLength(Contact.LongTextLimit).WithMessage("What you are worried about must be 10,000 characters or fewer");
        RuleFor(a => a.WorkingWell).MaximumLength(Contact.LongTextLimit).WithMessage("What is working well must be 10,000 characters or fewer");
        RuleFor(a => a.DayToDay).MaximumLength(Contact.LongTextLimit).WithMessage("What the child's day-to-day life is like must be 10,000 characters or fewer");
    }
}

public sealed class ConsentAnswerValidator : AbstractValidator<ConsentAnswer>
{
    public ConsentAnswerValidator()
    {
        RuleFor(a => a.FamilyAgreed).NotNull().WithMessage("Select whether the family knows and agrees to you sharing this information").IsInEnum();
        RuleFor(a => a.NoConsentReason).NotEmpty().WithMessage("Enter why you are telling us without the family's agreement")
            .When(a => a.FamilyAgreed == FamilyAgreement.No);
        RuleFor(a => a.NoConsentReason).MaximumLength(Contact.LongTextLimit).WithMessage("Why you are telling us without the family's agreement must be 10,000 characters or fewer");
    }
}

/// <summary>Lengths the model stores (see the EF configuration) beyond the contact's own constants.</summary>
public static class OnlineRequestLimits
{
    public const int Name = 100;
    public const int Phone = 50;
    public const int Email = 256;
    public const int Address = 500;
}
