using ChildrenServices.Application;
using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>The deprivation of liberty order in force ended.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class LibertyOrderEndedModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPeriodsOfCare.Result Care { get; private set; } = CareForms.None;

    /// <summary>The order the form is about, for the page to describe.</summary>
    public GetPeriodsOfCare.LibertyOrder? Order { get; private set; }

    [BindProperty]
    public RecordDeprivationOfLibertyEnded.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, Guid orderId)
    {
        await LoadOrderAsync(id, orderId);
        var period = Care.Latest is { } latest && Order is not null ? latest : throw new NotFoundException("Page not found");
        Input = new() { PersonId = id, PeriodOfCareId = period.Id, Version = period.Version, OrderId = orderId };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid orderId)
    {
        Input = Input with { PersonId = id, OrderId = orderId };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the deprivation of liberty order ended");
    }

    public override Task LoadDisplayDataAsync() => LoadOrderAsync(person.Id, Input.OrderId);

    private async Task LoadOrderAsync(Guid id, Guid orderId)
    {
        Care = await CareForms.LoadAsync(Sender, id);
        Order = Care.Latest?.LibertyOrders.FirstOrDefault(o => o.Id == orderId);
    }
}
