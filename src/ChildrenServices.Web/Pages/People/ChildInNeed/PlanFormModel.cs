using ChildrenServices.Application.SocialCare;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.ChildInNeed;

/// <summary>A form about the child's open child in need plan: refused at once if there is none or the user cannot record.</summary>
public abstract class PlanFormModel<TCommand>(ISender sender, TimeProvider clock) : PersonPageModel(sender, clock)
    where TCommand : class, ICommand
{
    [BindProperty]
    public TCommand Input { get; set; } = default!;

    public GetChildInNeedPlans.Plan Plan { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadForRecordingAsync(id);
        var open = (await Sender.Send(new GetChildInNeedPlans.Query(id))).Open;
        if (open is null)
        {
            return RedirectToPage("/People/ChildInNeed/Index", new { id });
        }

        Plan = open;
        Input = NewInput(id, open);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = WithPerson(Input, id);
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        return RedirectWithBanner("/People/ChildInNeed/Index", new { id }, Done);
    }

    public override async Task LoadDisplayDataAsync()
    {
        var id = Guid.Parse(RouteData.Values["id"]!.ToString()!);
        await LoadPersonAsync(id);
        Plan = (await Sender.Send(new GetChildInNeedPlans.Query(id))).Open ?? (await Sender.Send(new GetChildInNeedPlans.Query(id))).Plans[0];
    }

    protected abstract string Done { get; }

    protected abstract TCommand NewInput(Guid personId, GetChildInNeedPlans.Plan plan);

    protected abstract TCommand WithPerson(TCommand input, Guid personId);
}

[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class ReviewModel(ISender sender, TimeProvider clock) : PlanFormModel<RecordChildInNeedReview.Command>(sender, clock)
{
    protected override string Done => "Review recorded";

    protected override RecordChildInNeedReview.Command NewInput(Guid personId, GetChildInNeedPlans.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, HeldOn = Today };

    protected override RecordChildInNeedReview.Command WithPerson(RecordChildInNeedReview.Command input, Guid personId) => input with { PersonId = personId };
}

[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class VisitModel(ISender sender, TimeProvider clock) : PlanFormModel<RecordChildInNeedVisit.Command>(sender, clock)
{
    protected override string Done => "Visit recorded";

    protected override RecordChildInNeedVisit.Command NewInput(Guid personId, GetChildInNeedPlans.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, VisitedOn = Today, ChildSeen = true };

    protected override RecordChildInNeedVisit.Command WithPerson(RecordChildInNeedVisit.Command input, Guid personId) => input with { PersonId = personId };
}

[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class EndModel(ISender sender, TimeProvider clock) : PlanFormModel<EndChildInNeedPlan.Command>(sender, clock)
{
    protected override string Done => "Child in need plan ended";

    protected override EndChildInNeedPlan.Command NewInput(Guid personId, GetChildInNeedPlans.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, Version = plan.Version };

    protected override EndChildInNeedPlan.Command WithPerson(EndChildInNeedPlan.Command input, Guid personId) => input with { PersonId = personId };
}
