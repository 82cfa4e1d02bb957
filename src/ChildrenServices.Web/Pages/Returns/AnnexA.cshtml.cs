using ChildrenServices.Application;
using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// Ofsted's ILACS Annex A lists for a period (by default the twelve months to today): how many rows each of lists 1 to 8
/// holds, what the product does not record (lists 9 to 11 and some of list 8's columns), and the lists as an Excel workbook
/// or CSV files, made from the records as they stand and streamed, then deleted.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class AnnexAModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Which download: each download form carries its own.</summary>
    [BindProperty]
    public string? Format { get; set; }

    /// <summary>The lists' rows for the period, once it is a period the lists can be made for.</summary>
    public AnnexACounts.Result? Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var sent = Request.Query.Keys.Any(k => k.StartsWith(nameof(From), StringComparison.Ordinal) || k.StartsWith(nameof(To), StringComparison.Ordinal));
        if (!sent)
        {
            var today = UkTime.Today(clock);
            (From, To) = (today.AddYears(-1).AddDays(1), today);
        }

        return await CountAsync() ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostDownloadAsync()
    {
        if (!Enum.TryParse<AnnexAFormat>(Format, ignoreCase: false, out var format) || !Enum.IsDefined(format))
        {
            ModelState.AddModelError(string.Empty, "Choose the Excel workbook or the CSV files");
            await CountAsync();
            return Refused();
        }

        if (!PeriodGiven())
        {
            return Refused();
        }

        ProduceAnnexA.Result made;
        try
        {
            made = await sender.Send(new ProduceAnnexA.Command(From!.Value, To!.Value, format));
        }
        catch (ValidationException invalid)
        {
            Refuse(invalid);
            return Refused();
        }

        var file = new FileStream(made.Path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(file, made.ContentType, made.FileName);
    }

    /// <summary>The period's counts; false, with the errors beside the dates, when it is not a period the lists can be made for.</summary>
    private async Task<bool> CountAsync()
    {
        if (!PeriodGiven())
        {
            return false;
        }

        try
        {
            Counts = await sender.Send(new AnnexACounts.Query(From!.Value, To!.Value));
            return true;
        }
        catch (ValidationException invalid)
        {
            Refuse(invalid);
            return false;
        }
    }

    /// <summary>Both dates given and real (the date binder has already put a mistyped one beside its field).</summary>
    /// <remarks>Errors are counted rather than asking IsValid: a date left blank leaves its three boxes unvalidated, not invalid.</remarks>
    private bool PeriodGiven()
    {
        if (ModelState.ErrorCount > 0)
        {
            return false;
        }

        if (From is null)
        {
            ModelState.AddModelError(nameof(From), "Enter the start of the period");
        }

        if (To is null)
        {
            ModelState.AddModelError(nameof(To), "Enter the end of the period");
        }

        return ModelState.ErrorCount == 0;
    }

    /// <summary>The use case refused the period: each message beside the date it is about.</summary>
    private void Refuse(ValidationException invalid)
    {
        foreach (var error in invalid.Errors)
        {
            ModelState.AddModelError(error.PropertyName is nameof(From) or nameof(To) ? error.PropertyName : string.Empty, error.ErrorMessage);
        }
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
