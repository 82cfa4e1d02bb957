using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Whether the child is an unaccompanied asylum-seeking child, and the dates the status began and ceased.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class UascModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordUascStatus.Command Input { get; set; } = new();

    public void OnGet(Guid id)
    {
        var (uasc, from, ceased) = Person.UascStatus;
        Input = new() { PersonId = id, Version = Person.Version, Uasc = uasc ? true : null, UascFrom = from, UascCeasedOn = ceased };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: the child's UASC status");
    }
}
