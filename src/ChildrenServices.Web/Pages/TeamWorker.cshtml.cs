using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.Home;
using ChildrenServices.Domain.Allocations;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages;

/// <summary>
/// From "My teams", one worker's caseload: each child with their status, next deadline and when they were last
/// seen, grouped by household, and a form to move several of the children the worker leads — or a whole sibling
/// group — to another worker in the team at once.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewTeamWork))]
public sealed class TeamWorkerModel(ISender sender, TimeProvider clock, Application.Security.ICurrentUser user) : FormPageModel(sender)
{
    [BindProperty]
    public ReallocateChildren.Command Input { get; set; } = new();

    /// <summary>Households ticked as a whole: every child in them the worker leads moves.</summary>
    [BindProperty]
    public List<Guid> HouseholdIds { get; set; } = [];

    public GetWorkerCaseload.Result Caseload { get; private set; } = default!;

    /// <summary>Other workers in the same teams, with their caseloads, to move children to.</summary>
    public IReadOnlyList<ListAllocatableWorkers.Option> Workers { get; private set; } = [];

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> WorkerOptions =>
        Workers.Select(w => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{w.Name} ({w.TeamName}): {w.Caseload} of {w.Capacity} cases", w.Id.ToString()));

    public bool CanReallocate { get; private set; }

    /// <summary>
    /// Only the children this worker leads whose status is this (the workload page's counts by kind link here); every
    /// child when empty or not one of <see cref="GetWorkerCaseload.Statuses"/>.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The rows shown: all of them, or the children led with the chosen status (one of <see cref="GetWorkerCaseload.Statuses"/>).</summary>
    public IReadOnlyList<GetWorkerCaseload.ChildRow> Shown { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        Input = new ReallocateChildren.Command { FromWorkerId = id };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // The children ticked one by one and every child the worker leads in each household ticked.
        var caseload = await Sender.Send(new GetWorkerCaseload.Query(id));
        var siblings = caseload.Children
            .Where(c => c.Role == AllocationRole.Lead && c.HouseholdId is { } household && HouseholdIds.Contains(household))
            .Select(c => c.ChildId);
        Input = Input with { FromWorkerId = id, ChildIds = [.. Input.ChildIds.Concat(siblings).Distinct()] };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        var moved = Input.ChildIds.Count;
        var to = (await Sender.Send(new ListAllocatableWorkers.Query())).FirstOrDefault(w => w.Id == Input.ToWorkerId)?.Name;
        return RedirectWithBanner("/TeamWorker", new { id }, $"{moved} {(moved == 1 ? "child" : "children")} moved to {to ?? "the new worker"}");
    }

    /// <summary>The reasons a manager gives for moving a child to a new lead in the team (SW_REASON): not first contact, not a transfer between teams.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LeadReasons =>
        Domain.Codes.Ssda903Codes.SocialWorkerChangeReason.Codes
            .Where(c => c.Value is not ("TSPROC" or "FCONTA"))
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Description, c.Value));

    public override async Task LoadDisplayDataAsync()
    {
        Today = Application.UkTime.Today(clock);
        Caseload = await Sender.Send(new GetWorkerCaseload.Query(Input.FromWorkerId));
        Shown = Status is { } status && GetWorkerCaseload.Statuses.Contains(status)
            ? [.. Caseload.Children.Where(x => x.Role == AllocationRole.Lead && x.Status == status)]
            : Caseload.Children;
        CanReallocate = user.HasPermission(Application.Security.Permission.AllocateWork);
        if (CanReallocate)
        {
            var teams = Caseload.Teams.Select(t => t.Name).ToHashSet();
            Workers = [.. (await Sender.Send(new ListAllocatableWorkers.Query())).Where(w => w.Id != Input.FromWorkerId && teams.Contains(w.TeamName))];
        }
    }
}
