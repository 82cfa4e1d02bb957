using ChildrenServices.Application.Returns;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Cin;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.Returns;

/// <summary>
/// What a DfE return's page has in common (the CIN census, SSDA903): the collection year chosen, the team or worker whose
/// failures are listed, the download with errors confirmed, and where each failure is put right.
/// </summary>
public abstract class ReturnPageModel(TimeProvider clock) : PageModel, IReloadsDisplayData
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

    /// <summary>The years that can be chosen: from the first this product returns to the one running now.</summary>
    public IReadOnlyList<CollectionYear> Years { get; private set; } = [];

    /// <summary>The chosen year's failures, once checked.</summary>
    public abstract ReturnFailures.Listing? Listing { get; }

    /// <summary>Every rule the return is checked against, for the list at the foot of the page.</summary>
    public abstract IReadOnlyList<CensusRule> Rules { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Choose())
        {
            return Page();
        }

        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync()
    {
        if (!Choose())
        {
            return Page();
        }

        var (path, name, contentType) = await ProduceAsync(Chosen, Input.ConfirmErrors);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(file, contentType, name);
    }

    public async Task LoadDisplayDataAsync()
    {
        Choose();
        await CheckAsync(Chosen);
    }

    /// <summary>Checks the chosen year, for <see cref="Listing"/>.</summary>
    protected abstract Task CheckAsync(CollectionYear year);

    /// <summary>Makes the return's file: its path (deleted once streamed), name and content type.</summary>
    protected abstract Task<(string Path, string Name, string ContentType)> ProduceAsync(CollectionYear year, bool confirmErrors);

    /// <summary>The address each failure's fix link opens: the page that records the item.</summary>
    public static string? FixLink(FixAt at, Guid? personId) => personId is not { } id ? null : at switch
    {
        FixAt.ChildDetails => $"/People/{id}/Edit",
        FixAt.Assessment => $"/People/{id}/Assessment",
        FixAt.ChildInNeedPlan => $"/People/{id}/ChildInNeed",
        FixAt.Section47 or FixAt.ChildProtectionPlan => $"/People/{id}/ChildProtection",
        FixAt.Referral => $"/People/{id}",
        FixAt.LookedAfter or FixAt.LookedAfterReview or FixAt.Missing => $"/People/{id}/LookedAfter",
        FixAt.Motherhood => $"/People/{id}/LookedAfter/Mother",
        FixAt.Uasc => $"/People/{id}/LookedAfter/Uasc",
        FixAt.Allocation => $"/People/{id}/Allocations",
        _ => null,
    };

    public static string FixText(FixAt at) => at switch
    {
        FixAt.ChildDetails => "Edit the child's details",
        FixAt.Assessment => "Open the assessment",
        FixAt.ChildInNeedPlan => "Open the child in need plan",
        FixAt.Section47 => "Open the child protection enquiry",
        FixAt.ChildProtectionPlan => "Open the child protection plan",
        FixAt.LookedAfter => "Open the child's care record",
        FixAt.LookedAfterReview => "Open the child's reviews",
        FixAt.Missing => "Open the child's missing periods",
        FixAt.Motherhood => "Record whether she is a mother",
        FixAt.Uasc => "Record the child's UASC status",
        FixAt.Allocation => "Open the child's allocations",
        FixAt.StaffDetails => "An administrator adds the social worker's Social Work England number to their user details",
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
        ModelState.AddModelError(nameof(Year), $"Choose a collection year from {Years[^1].Label} to {Years[0].Label}");
        return false;
    }

    public sealed class DownloadInput
    {
        /// <summary>The officer confirms the return should go with its errors outstanding.</summary>
        public bool ConfirmErrors { get; set; }
    }
}
