using ChildrenServices.Application.Allocations;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>A manager allocates a worker from their teams, seeing each worker's caseload against capacity.</summary>
[PersonPage(Records = true, WithDetails = true)]
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class AllocateModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPersonRecord.Record Details => person.Details;

    [BindProperty]
    public AllocateWorker.Command Input { get; set; } = new();

    public IReadOnlyList<ListAllocatableWorkers.Option> Workers { get; private set; } = [];

    /// <summary>The case has a lead now: a new lead replaces them, for a reason the DfE asks for.</summary>
    public bool HasLead => Details.Allocations.Any(a => a.Role == Domain.Allocations.AllocationRole.Lead);

    /// <summary>The reasons a manager gives for a new lead (SW_REASON): a transfer between teams records its own, and "first contact" only when there is no lead.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LeadReasons =>
        Domain.Codes.Ssda903Codes.SocialWorkerChangeReason.Codes
            .Where(c => c.Value != "TSPROC" && !(HasLead && c.Value == "FCONTA"))
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Description, c.Value));

    public async Task OnGetAsync(Guid id)
    {
        Input = new AllocateWorker.Command { PersonId = id, LeadReason = HasLead ? null : "FCONTA" };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, "Worker allocated");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid allocationId)
    {
        await Sender.Send(new EndAllocation.Command(id, allocationId));
        return RedirectWithBanner("/People/Record", new { id }, "Allocation ended");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Workers = await Sender.Send(new ListAllocatableWorkers.Query());
    }
}
