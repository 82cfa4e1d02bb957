using ChildrenServices.Application.Teams;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Admin.Weights;

/// <summary>An administrator sets how many points each kind of case weighs in a caseload; the workload page weighs with them.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageTimescales))]
public sealed class IndexModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public SaveCaseWeights.Command Input { get; set; } = new();

    public GetCaseWeights.Result Current { get; private set; } = new(CaseWeighting.Defaults, null, null, null);

    public async Task OnGetAsync()
    {
        await LoadDisplayDataAsync();
        var w = Current.Weights;
        Input = new SaveCaseWeights.Command
        {
            Version = Current.Version, Assessment = w.Assessment, ChildInNeed = w.ChildInNeed, ChildProtection = w.ChildProtection,
            LookedAfter = w.LookedAfter, EarlyHelpFamily = w.EarlyHelpFamily, Other = w.Other,
        };
    }

    public async Task<IActionResult> OnPostAsync() =>
        await SendAndReturnAsync(Input, "/Admin/Weights/Index", null, "Case weights saved: the workload page now weighs caseloads with them");

    public override async Task LoadDisplayDataAsync() => Current = await Sender.Send(new GetCaseWeights.Query());
}
