using ChildrenServices.Application.AccessReports;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages;

/// <summary>
/// The access report (issue 15): everything a colleague viewed in a period, or everyone who viewed a record, each as a
/// table and as a CSV download. Forms post, so no name or NHS number goes into an address.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewAccessReports))]
public sealed class AccessReportModel(ISender sender, TimeProvider clock) : FormPageModel(sender)
{
    [BindProperty]
    public GetColleagueAccessReport.Query Colleague { get; set; } = new();

    [BindProperty]
    public GetRecordAccessReport.Query Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    public GetColleagueAccessReport.Result? ColleagueReport { get; private set; }

    public GetRecordAccessReport.Result? RecordReport { get; private set; }

    public async Task OnGetAsync()
    {
        var today = Application.UkTime.Today(clock);
        Colleague = new GetColleagueAccessReport.Query { From = today.AddDays(-30), To = today };
        Input = new GetRecordAccessReport.Query { From = today.AddYears(-1), To = today };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostColleagueAsync(bool download)
    {
        if (await NotReadyToCheckAsync(Colleague, nameof(Colleague)))
        {
            return Page();
        }

        ColleagueReport = await Sender.Send(Colleague);
        if (!download)
        {
            await LoadDisplayDataAsync();
        }

        return download
            ? new CsvResult($"access-by-{Colleague.ColleagueId}-{Colleague.From:yyyy-MM-dd}-to-{Colleague.To:yyyy-MM-dd}.csv", new ExportTable(
                "Access",
                ["When (UK time)", "What", "Record", "Local ID"],
                [.. ColleagueReport.Rows.Select(r => (IReadOnlyList<object?>)[Display.DateTime(r.OccurredAtUtc), r.What, r.Record, r.LocalId])]))
            : Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(bool download)
    {
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        RecordReport = await Sender.Send(Input);
        if (!download)
        {
            await LoadDisplayDataAsync();
        }

        return download
            ? new CsvResult($"access-to-{RecordReport.LocalId ?? RecordReport.PersonId.ToString()}-{Input.From:yyyy-MM-dd}-to-{Input.To:yyyy-MM-dd}.csv", new ExportTable(
                "Access",
                ["When (UK time)", "Who", "Job title", "What"],
                [.. RecordReport.Rows.Select(r => (IReadOnlyList<object?>)[Display.DateTime(r.OccurredAtUtc), r.Who, r.JobTitle, r.What])]))
            : Page();
    }

    public override async Task LoadDisplayDataAsync() =>
        Colleagues = [.. (await Sender.Send(new ListColleagues.Query())).Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id.ToString()))];
}
