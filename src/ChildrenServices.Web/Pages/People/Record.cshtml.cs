using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// The record's overview: what is open now, what is due next, the latest significant events and the
/// people around the child, then who the person is and where they live.
/// </summary>
[PersonPage(WithOverview = true)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class RecordModel(PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    public GetPersonRecord.Record Details => person.Details;

    /// <summary>Null for an adult: adults have no episodes of their own. Read with the record, as one audited view.</summary>
    public GetRecordOverview.Overview? Overview => person.Details.Overview;

    public void OnGet()
    {
    }
}
