using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>The strategy discussion: date, agencies, the section 47 decision and its rationale.</summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class StrategyModel(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
{
    [BindProperty]
    public RecordStrategyDiscussion.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        await LoadForRecordingAsync(id);
        Input = new RecordStrategyDiscussion.Command { PersonId = id, HeldOn = Today };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/ChildProtection/Index", new { id }, "Strategy discussion recorded");
    }

    public override Task LoadDisplayDataAsync() => LoadPersonAsync(Input.PersonId);
}

/// <summary>A form about the child's open enquiry, tied to its version.</summary>
public abstract class EnquiryFormModel<TCommand>(ISender sender, TimeProvider clock) : RecordFormModel<TCommand, GetChildProtection.Enquiry>(sender, clock)
    where TCommand : class, ICommand
{
    protected override string OverviewPage => "/People/ChildProtection/Index";

    protected override async Task<GetChildProtection.Enquiry?> FindAsync(Guid personId, bool openOnly)
    {
        var all = await Sender.Send(new GetChildProtection.Query(personId));
        return all.Open ?? (openOnly ? null : all.Enquiries.FirstOrDefault());
    }
}

[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class Section47Model(ISender sender, TimeProvider clock) : EnquiryFormModel<RecordSection47Outcome.Command>(sender, clock)
{
    protected override string Done => "Section 47 enquiry outcome recorded";

    protected override RecordSection47Outcome.Command NewInput(Guid personId, GetChildProtection.Enquiry enquiry) =>
        new() { PersonId = personId, EnquiryId = enquiry.Id, Version = enquiry.Version, ConcludedOn = Today };

    protected override RecordSection47Outcome.Command WithPerson(RecordSection47Outcome.Command input, Guid personId) => input with { PersonId = personId };
}

[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ConferenceModel(ISender sender, TimeProvider clock) : EnquiryFormModel<RecordInitialConference.Command>(sender, clock)
{
    protected override string Done => "Initial child protection conference recorded";

    protected override bool RecordedByTheCaseHolder => false;

    protected override RecordInitialConference.Command NewInput(Guid personId, GetChildProtection.Enquiry enquiry) =>
        new() { PersonId = personId, EnquiryId = enquiry.Id, Version = enquiry.Version, HeldOn = Today };

    protected override RecordInitialConference.Command WithPerson(RecordInitialConference.Command input, Guid personId) => input with { PersonId = personId };
}

/// <summary>A form about the child's open child protection plan.</summary>
public abstract class CpPlanFormModel<TCommand>(ISender sender, TimeProvider clock) : RecordFormModel<TCommand, GetChildProtection.Plan>(sender, clock)
    where TCommand : class, ICommand
{
    protected override string OverviewPage => "/People/ChildProtection/Index";

    protected override async Task<GetChildProtection.Plan?> FindAsync(Guid personId, bool openOnly)
    {
        var all = await Sender.Send(new GetChildProtection.Query(personId));
        return all.OpenPlan ?? (openOnly ? null : all.Plans?.FirstOrDefault());
    }
}

[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class CoreGroupModel(ISender sender, TimeProvider clock) : CpPlanFormModel<RecordCoreGroup.Command>(sender, clock)
{
    protected override string Done => "Core group recorded";

    protected override RecordCoreGroup.Command NewInput(Guid personId, GetChildProtection.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, HeldOn = Today };

    protected override RecordCoreGroup.Command WithPerson(RecordCoreGroup.Command input, Guid personId) => input with { PersonId = personId };
}

[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class VisitModel(ISender sender, TimeProvider clock) : CpPlanFormModel<RecordChildProtectionVisit.Command>(sender, clock)
{
    protected override string Done => "Visit recorded";

    protected override RecordChildProtectionVisit.Command NewInput(Guid personId, GetChildProtection.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, VisitedOn = Today, ChildSeen = true };

    protected override RecordChildProtectionVisit.Command WithPerson(RecordChildProtectionVisit.Command input, Guid personId) => input with { PersonId = personId };
}

[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordReviewOutcomes))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : CpPlanFormModel<RecordChildProtectionReview.Command>(sender, clock)
{
    protected override string Done => "Review conference recorded";

    protected override bool RecordedByTheCaseHolder => false;

    protected override RecordChildProtectionReview.Command NewInput(Guid personId, GetChildProtection.Plan plan) =>
        new() { PersonId = personId, PlanId = plan.Id, Version = plan.Version, HeldOn = Today, LatestCategory = plan.LatestCategory };

    protected override RecordChildProtectionReview.Command WithPerson(RecordChildProtectionReview.Command input, Guid personId) => input with { PersonId = personId };
}
