using ChildrenServices.Application.LookedAfter;
using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.LookedAfter;

/// <summary>Whether the young person is a mother, and her first child's date of birth.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordStatutoryWork))]
public sealed class MotherModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RecordMotherhood.Command Input { get; set; } = new();

    public void OnGet(Guid id)
    {
        var (isMother, born) = Person.Motherhood;
        Input = new() { PersonId = id, Version = Person.Version, IsMother = isMother, FirstChildBornOn = born };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, CareForms.Overview, new { id }, "Recorded: whether the young person is a mother");
    }
}
