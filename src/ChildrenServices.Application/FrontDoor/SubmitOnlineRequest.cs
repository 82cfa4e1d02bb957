using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.FrontDoor;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.FrontDoor;

/// <summary>
/// Send a public online request to the front door: it becomes a contact awaiting a decision within
/// one working day. Anyone may send it; it answers with the reference only, never anything about a
/// child or contact already known.
/// </summary>
public static class SubmitOnlineRequest
{
    [AllowPublic]
    public sealed record Command(Guid DraftId, OnlineRequestAnswers Answers) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Answers.Requester).NotNull().WithMessage("Say whether you are a professional or a member of the public")
                .SetValidator(new RequesterAnswerValidator()!);
            RuleFor(c => c.Answers.Relationship).NotNull().WithMessage("Say how you know the child")
                .SetValidator(new RelationshipAnswerValidator()!);
            RuleFor(c => c.Answers.Relationship!.Kind).Equal(c => c.Answers.Requester!.Kind)
                .When(c => c.Answers.Requester is not null && c.Answers.Relationship is not null)
                .WithMessage("Say how you know the child");
            RuleFor(c => c.Answers.Details).NotNull().WithMessage("Enter your details").SetValidator(new YourDetailsAnswerValidator()!);
            RuleFor(c => c.Answers.Children).NotEmpty().WithMessage("Tell us about at least one child")
                .Must(c => c.Count <= OnlineRequestAnswers.MaxChildren).WithMessage("You can tell us about up to 10 children in one request");
            RuleForEach(c => c.Answers.Children).SetValidator(new ChildAnswerValidator(clock));
            RuleFor(c => c.Answers.Adults).SetValidator(new AdultsAnswerValidator()!);
            RuleFor(c => c.Answers.Worries).NotNull().WithMessage("Enter what you are worried about").SetValidator(new WorriesAnswerValidator()!);
            RuleFor(c => c.Answers.Consent).NotNull().WithMessage("Say whether the family knows and agrees to you sharing this information")
                .SetValidator(new ConsentAnswerValidator()!);
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock, WorkingDayCalendar calendar) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var draft = await db.OnlineRequestDrafts.SingleOrDefaultAsync(d => d.Id == command.DraftId, cancellationToken);
            if (draft is null || draft.ExpiresAtUtc <= now)
            {
                throw new NotFoundException("Your answers have expired");
            }

            var answers = command.Answers;
            var details = answers.Details!;
            var professional = answers.Requester!.Kind == RequesterKind.Professional;
            var referrer = new Referrer(
                details.Name!.Trim(),
                professional ? Tidy(details.Organisation) : null,
                professional ? Tidy(details.Role) : null,
                Tidy(details.Phone),
                Tidy(details.Email),
                answers.SourceCode()!);
            var worries = answers.Worries!;
            var account = new ContactAccount(worries.Concerns!.Trim(), Tidy(worries.WorkingWell), null, Tidy(worries.DayToDay));

            // The model keeps a reason only with an override: a requester sharing without the family's
            // agreement, and saying why, is that override; the front door sees the reason beside it.
            var (consent, reason) = answers.Consent!.FamilyAgreed switch
            {
                FamilyAgreement.Yes => (ConsentToShare.Given, (string?)null),
                FamilyAgreement.No => (ConsentToShare.Refused, Tidy(answers.Consent.NoConsentReason)),
                _ => (ConsentToShare.NotYetSought, null),
            };

            var contact = Contact.Record(
                await ContactReferences.NewAsync(db, cancellationToken),
                ContactRoute.OnlineRequest,
                now,
                FrontDoorClock.DecisionDueUtc(now, calendar),
                referrer,
                account,
                consent,
                reason,
                ContactUrgency.Routine,
                recordedById: null,
                now);
            foreach (var child in answers.Children)
            {
                contact.AddReportedChild(child.GivenName!.Trim(), child.FamilyName!.Trim(), child.DateOfBirth, Tidy(child.AgeOrOtherDetails), Tidy(child.Address), Tidy(child.School));
            }

            contact.SetReportedAdults(answers.Adults?.Adults);
            db.Contacts.Add(contact);
            db.OnlineRequestDrafts.Remove(draft);
            return contact.Reference;
        }

        private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
