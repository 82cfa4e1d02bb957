using ChildrenServices.Application.Security;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.Calendar;
using ChildrenServices.Domain.Codes;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.LookedAfter;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.SocialCare;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.Application.LookedAfter;

/// <summary>
/// The child starts to be looked after: a new period of care whose first episode (reason for new episode S)
/// holds the legal status, the category of need and where the child is placed. A looked-after child is a child in
/// need with an episode of need open (the CIN census counts them): where the child has no open referral, the worker is
/// asked for the referral source and primary need, and an episode of need opens on the day care starts, held by the
/// team of the child's lead worker.
/// </summary>
public static class BecomeLookedAfter
{
    [RequiresPermission(Permission.RecordStatutoryWork)]
    public sealed record Command : ICommand<Guid>, IPersonScoped, IAudited, IPlacementInput
    {
        public Guid PersonId { get; init; }

        public DateOnly? StartedOn { get; init; }

        public string? LegalStatus { get; init; }

        public string? CategoryOfNeed { get; init; }

        public string? PlacementType { get; init; }

        public string? PlacementProvider { get; init; }

        public string? PlacementPostcode { get; init; }

        public string? PlacementUrn { get; init; }

        public string? Carer { get; init; }

        public bool IntendedLongTerm { get; init; }

        /// <summary>Whether the placement was made before the carer's assessment (regulation 19) or full approval (regulation 24).</summary>
        public PlacementApproval? PlacementApproval { get; init; }

        /// <summary>The postcode of the child's home when care started (SSDA903 HOME_POST), when there is one.</summary>
        public string? HomePostcode { get; init; }

        /// <summary>PREV_PERM: P1 adoption, P2 SGO, P3 residence or child arrangements order, P4 unknown, Z1 none.</summary>
        public string? PreviousPermanence { get; init; }

        /// <summary>LA_PERM: the DfE code of the council that arranged the previous permanence option.</summary>
        public string? PermanenceLocalAuthority { get; init; }

        /// <summary>DATE_PERM, as far as it is known.</summary>
        public PartialDateInput PermanenceOrder { get; init; } = new();

        /// <summary>Asked only when the child has no open referral: the source of the episode of need that opens with care.</summary>
        public string? ReferralSourceCode { get; init; }

        /// <summary>Asked only when the child has no open referral: the child's primary need for that episode.</summary>
        public string? PrimaryNeedCode { get; init; }
    }

    public const string SourceNeeded = "The child has no open referral, so being looked after opens an episode of need: select where the referral came from";

    public const string NeedNeeded = "Select the child's primary need for the episode of need that opens with care";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartedOn).NotNull().WithMessage("Enter the date the child started to be looked after");
            RuleFor(c => c.LegalStatus).NotEmpty().WithMessage("Select the legal status");
            RuleFor(c => c.CategoryOfNeed).NotEmpty().WithMessage("Select the category of need");
            Include(new PlacementInputValidator());
            RuleFor(c => c.PreviousPermanence).NotEmpty()
                .When(c => c.StartedOn >= Domain.LookedAfter.PreviousPermanence.AskedFrom)
                .WithMessage("Select whether the child has left care before through adoption, special guardianship or a child arrangements order");
            RuleFor(c => c.ReferralSourceCode).Must(code => DfeCodes.ReferralSource.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.ReferralSourceCode)).WithMessage("Select a referral source from the list");
            RuleFor(c => c.PrimaryNeedCode).Must(code => DfeCodes.PrimaryNeed.Find(code!) is not null)
                .When(c => !string.IsNullOrEmpty(c.PrimaryNeedCode)).WithMessage("Select a primary need from the list");
        }
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser user, WorkingDayCalendar calendar, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var child = await db.People.Where(p => p.Id == command.PersonId).Select(p => new { p.Type, p.DateOfBirth, p.ExpectedDateOfBirth }).SingleAsync(cancellationToken);
            if (child.Type != PersonType.Child)
            {
                throw new DomainRuleException("Only a child can become looked after", "StartedOn");
            }

            if (child.DateOfBirth is null && child.ExpectedDateOfBirth is not null)
            {
                throw new DomainRuleException("An unborn child cannot be looked after: record their date of birth first", "StartedOn");
            }

            var startedOn = command.StartedOn!.Value;
            var last = await db.PeriodsOfCare.Where(p => p.ChildId == command.PersonId).OrderByDescending(p => p.StartedOn)
                .Select(p => new { p.StartedOn, p.EndedOn }).FirstOrDefaultAsync(cancellationToken);
            if (last is { EndedOn: null })
            {
                throw new DomainRuleException($"The child has been looked after since {last.StartedOn:d MMMM yyyy}: record a change of legal status or placement instead", "StartedOn");
            }

            // Periods of care follow one another; they never overlap (SSDA903 episodes cannot), and a new one never starts
            // on the day the last ended (rule 431): care that carried on that day is a change to the last period, not a new one.
            if (last?.EndedOn is { } ended && startedOn <= ended)
            {
                throw new DomainRuleException(startedOn == ended
                    ? $"The child's last period of care ended on {ended:d MMMM yyyy}: a new one cannot start the same day (SSDA903 rule 431). If the child stayed looked after, record the change on that period instead"
                    : $"The child's last period of care ended on {ended:d MMMM yyyy}: a new one cannot start before that", "StartedOn");
            }

            var period = PeriodOfCare.Start(command.PersonId, startedOn, command.LegalStatus!, command.CategoryOfNeed!, command.ToPlacement(), child.DateOfBirth, UkTime.Today(clock), command.HomePostcode,
                string.IsNullOrWhiteSpace(command.PreviousPermanence) ? null : new PreviousPermanence(
                    command.PreviousPermanence, command.PermanenceLocalAuthority,
                    command.PermanenceOrder.Part(p => p.Year, "year"), command.PermanenceOrder.Part(p => p.Month, "month"), command.PermanenceOrder.Part(p => p.Day, "day")),
                user.RequireUserId());
            if (!await db.Referrals.AnyAsync(r => r.ChildId == command.PersonId && r.Status == ReferralStatus.Open, cancellationToken))
            {
                db.Referrals.Add(await EpisodeOfNeedAsync(command, startedOn, cancellationToken));
            }

            db.PeriodsOfCare.Add(period);
            return period.Id;
        }

        /// <summary>The episode of need that opens with care, for a child with none open: dated the day care starts.</summary>
        private async Task<Referral> EpisodeOfNeedAsync(Command command, DateOnly startedOn, CancellationToken cancellationToken)
        {
            // Both answers are asked for together, so both are reported together, each beside its field.
            List<FluentValidation.Results.ValidationFailure> missing = [];
            if (string.IsNullOrWhiteSpace(command.ReferralSourceCode))
            {
                missing.Add(new(nameof(Command.ReferralSourceCode), SourceNeeded));
            }

            if (string.IsNullOrWhiteSpace(command.PrimaryNeedCode))
            {
                missing.Add(new(nameof(Command.PrimaryNeedCode), NeedNeeded));
            }

            if (missing.Count > 0)
            {
                throw new ValidationException(missing);
            }

            var team = await db.Allocations.Where(a => a.ChildId == command.PersonId && a.EndedOn == null && a.Role == AllocationRole.Lead)
                .Select(a => (Guid?)a.TeamId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("The child has no open referral and no lead worker: allocate the case to a team first", "StartedOn");
            var previous = await ReferralHistory.LatestOnOrBeforeAsync(db, command.PersonId, startedOn, cancellationToken);
            if (previous?.ClosedOn is { } closed && startedOn < closed)
            {
                // Episodes of need follow one another, one open at a time (CIN rule 8815).
                throw new DomainRuleException($"The child's last referral closed on {closed:d MMMM yyyy}: care that started before then belongs to that episode of need", "StartedOn");
            }

            return new Referral(command.PersonId, null, startedOn, DfeCodes.ReferralSource.Find(command.ReferralSourceCode!)!.Value,
                DfeCodes.PrimaryNeed.Find(command.PrimaryNeedCode!)!.Value, team, false, previous, calendar);
        }
    }
}
