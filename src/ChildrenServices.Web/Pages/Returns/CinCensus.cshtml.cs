using ChildrenServices.Application.Returns;
using ChildrenServices.Application.Security;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// The CIN census for a collection year: checked against the DfE's rules as the page opens (every failure with its child and
/// the record to open), and downloaded as the DfE's XML, with outstanding errors confirmed first.
/// </summary>
[Authorize(Policy = nameof(Permission.ProduceReturns))]
public sealed class CinCensusModel(ISender sender, TimeProvider clock) : PageModel, IReloadsDisplayData
{
    /// <summary>The most failures listed on the page; the counts by rule cover them all.</summary>
    public const int ListedFailures = 500;

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>Lists only the failures of children led in this team.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Team { get; set; }

    /// <summary>Lists only the failures of children this worker leads.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Worker { get; set; }

    [BindProperty]
    public DownloadInput Input { get; set; } = new();

    public CollectionYear Chosen { get; private set; }

    public CheckCinCensus.Result? Check { get; private set; }

    /// <summary>The years that can be chosen: from the first this product returns to the one running now.</summary>
    public IReadOnlyList<CollectionYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Choose())
        {
            ModelState.AddModelError(nameof(Year), $"Choose a collection year from {Years[^1].Label} to {Years[0].Label}");
            return Page();
        }

        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync()
    {
        if (!Choose())
        {
            ModelState.AddModelError(nameof(Year), $"Choose a collection year from {Years[^1].Label} to {Years[0].Label}");
            return Page();
        }

        var made = await sender.Send(new ProduceCinCensus.Command(Chosen, Input.ConfirmErrors));
        var file = new FileStream(made.Path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(file, "application/xml", made.FileName);
    }

    public async Task LoadDisplayDataAsync()
    {
        Choose();
        Check = await sender.Send(new CheckCinCensus.Query(Chosen, Team, Worker));
    }

    /// <summary>The address each failure's fix link opens: the page that records the item.</summary>
    public static string? FixLink(FixAt at, Guid? personId) => personId is not { } id ? null : at switch
    {
        FixAt.ChildDetails => $"/People/{id}/Edit",
        FixAt.Assessment => $"/People/{id}/Assessment",
        FixAt.ChildInNeedPlan => $"/People/{id}/ChildInNeed",
        FixAt.Section47 or FixAt.ChildProtectionPlan => $"/People/{id}/ChildProtection",
        FixAt.Referral => $"/People/{id}",
        _ => null,
    };

    public static string FixText(FixAt at) => at switch
    {
        FixAt.ChildDetails => "Edit the child's details",
        FixAt.Assessment => "Open the assessment",
        FixAt.ChildInNeedPlan => "Open the child in need plan",
        FixAt.Section47 => "Open the child protection enquiry",
        FixAt.ChildProtectionPlan => "Open the child protection plan",
        _ => "Open the child's record",
    };

    private bool Choose()
    {
        var now = CollectionYear.Containing(Application.UkTime.Today(clock));
        Years = [.. Enumerable.Range(CollectionYear.Earliest, now.StartYear - CollectionYear.Earliest + 1).Reverse().Select(y => new CollectionYear(y))];
        if (string.IsNullOrEmpty(Year))
        {
            Chosen = now;
            Year = now.Slug;
            return true;
        }

        if (CollectionYear.TryParse(Year, out var year) && year.StartYear <= now.StartYear)
        {
            Chosen = year;
            return true;
        }

        Chosen = now;
        return false;
    }

    public sealed class DownloadInput
    {
        /// <summary>The officer confirms the census should go with its errors outstanding.</summary>
        public bool ConfirmErrors { get; set; }
    }
}
