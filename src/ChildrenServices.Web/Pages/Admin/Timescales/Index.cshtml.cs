using ChildrenServices.Application.Timescales;
using ChildrenServices.Domain.Timescales;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Admin.Timescales;

/// <summary>An administrator sets the council's local timescales; every due date moves with them.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageTimescales))]
public sealed class IndexModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public SaveLocalTimescales.Command Input { get; set; } = new();

    public GetLocalTimescales.Result Current { get; private set; } = new(LocalTimescales.Defaults, null, null, null);

    public async Task OnGetAsync()
    {
        await LoadDisplayDataAsync();
        var l = Current.Local;
        Input = new SaveLocalTimescales.Command
        {
            Version = Current.Version,
            StrategyDiscussionWorkingDays = l.StrategyDiscussionWorkingDays,
            Section47EnquiryWorkingDays = l.Section47EnquiryWorkingDays,
            FirstCoreGroupWorkingDays = l.FirstCoreGroupWorkingDays,
            ChildProtectionVisitWorkingDays = l.ChildProtectionVisitWorkingDays,
            ChildInNeedFirstReviewWorkingDays = l.ChildInNeedFirstReviewWorkingDays,
            ChildInNeedReviewWeeks = l.ChildInNeedReviewWeeks,
            ChildInNeedVisitWorkingDays = l.ChildInNeedVisitWorkingDays,
            AmberWorkingDays = l.AmberWorkingDays,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return await SendAndReturnAsync(Input, "/Admin/Timescales/Index", null, "Local timescales saved: due dates and RAG ratings now use them");
    }

    public override async Task LoadDisplayDataAsync() => Current = await Sender.Send(new GetLocalTimescales.Query());
}
