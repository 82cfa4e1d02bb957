using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.FrontDoor;

/// <summary>The front-door queue: what is waiting for a decision, most urgent first.</summary>
[Authorize(Policy = nameof(Permission.ViewFrontDoor))]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ContactStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactRoute? Route { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactUrgency? Urgency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public FrontDoorQueue.Holder Held { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = Pagination.QueryName)]
    public int PageNumber { get; set; } = 1;

    public FrontDoorQueue.Result Queue { get; private set; } = default!;

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Queue = await sender.Send(new FrontDoorQueue.Query
        {
            Status = Status, Route = Route, Urgency = Urgency, Source = Source, Held = Held, OverdueOnly = Overdue, Page = PageNumber,
        });
    }

    public string Link(ContactStatus? status = null, FrontDoorQueue.Holder held = FrontDoorQueue.Holder.Anyone, bool overdue = false, int page = 1)
    {
        var query = new List<string>();
        if (status is not null)
        {
            query.Add($"status={status}");
        }

        if (held != FrontDoorQueue.Holder.Anyone)
        {
            query.Add($"held={held}");
        }

        if (overdue)
        {
            query.Add("overdue=true");
        }

        if (Route is not null)
        {
            query.Add($"route={Route}");
        }

        if (Urgency is not null)
        {
            query.Add($"urgency={Urgency}");
        }

        if (!string.IsNullOrEmpty(Source))
        {
            query.Add($"source={Uri.EscapeDataString(Source)}");
        }

        if (page > 1)
        {
            query.Add($"{Pagination.QueryName}={page}");
        }

        return "/FrontDoor" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty);
    }
}
