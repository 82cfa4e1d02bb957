using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>The family view: relationships from either side, and who lives together.</summary>
[PersonPage(WithDetails = true)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class FamilyModel(PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    public GetPersonRecord.Record Details => person.Details;

    public void OnGet()
    {
    }
}
