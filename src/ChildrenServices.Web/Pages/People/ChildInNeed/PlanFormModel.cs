using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;

namespace ChildrenServices.Web.Pages.People.ChildInNeed;

/// <summary>A form about the child's open child in need plan.</summary>
public abstract class PlanFormModel<TCommand>(ISender sender, TimeProvider clock) : RecordFormModel<TCommand, GetChildInNeedPlans.Plan>(sender, clock)
    where TCommand : class, ICommand
{
    protected override string OverviewPage => "/People/ChildInNeed/Index";

    protected override async Task<GetChildInNeedPlans.Plan?> FindAsync(Guid personId, bool openOnly)
    {
        var plans = await Sender.Send(new GetChildInNeedPlans.Query(personId));
        return plans.Open ?? (openOnly ? null : plans.Plans.FirstOrDefault());
    }
}

[KeepsDraft(DraftScope.Person)]
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

[KeepsDraft(DraftScope.Person)]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class EndModel(ISender sender, TimeProvider clock) : PlanFormModel<EndChildInNeedPlan.Command>(sender, clock)
{
    protected override string Done => "Child in need plan ended";

    protected override EndChildInNeedPlan.Command NewInput(Guid personId, GetChildInNeedPlans.Plan plan) => new() { PersonId = personId, PlanId = plan.Id, Version = plan.Version };

    protected override EndChildInNeedPlan.Command WithPerson(EndChildInNeedPlan.Command input, Guid personId) => input with { PersonId = personId };
}
