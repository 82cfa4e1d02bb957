using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Change a name (the old one is kept as a previous name) or add an alias.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class NameModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public ChangeName.Command Input { get; set; } = new();

    public async Task OnGetAsync(Guid id)
    {
        Input = new ChangeName.Command { PersonId = id, Version = Person.Version };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, Input.IsAlias ? "Alias added" : "Name changed; the previous name is kept and still found by search");
    }
}
