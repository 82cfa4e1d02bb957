using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Record a move to a new address; the address history keeps the old one.</summary>
[PersonPage(Records = true, WithDetails = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class AddressModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPersonRecord.Record Details => person.Details;

    [BindProperty]
    public RecordMove.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        Input = new RecordMove.Command { PersonId = id, Version = Person.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, "New address recorded");
    }
}
