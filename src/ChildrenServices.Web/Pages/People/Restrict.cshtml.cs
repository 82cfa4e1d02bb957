using ChildrenServices.Application.People;
using ChildrenServices.Application.Users;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Restrict a record to an allow-list, or lift the restriction.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.RestrictRecords))]
public sealed class RestrictModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public RestrictRecord.Command Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Input = new RestrictRecord.Command { PersonId = id };
        await LoadDisplayDataAsync();
        Input = Input with { Version = Person.Version, Reason = Person.Restriction };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, "Record restricted. Only the people on its allow-list can find or open it.");
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, Guid version)
    {
        Input = new RestrictRecord.Command { PersonId = id, Version = version };
        await Sender.Send(new LiftRestriction.Command { PersonId = id, Version = version });
        return RedirectWithBanner("/People/Record", new { id }, "Restriction lifted");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Colleagues = [.. (await Sender.Send(new ListColleagues.Query())).Select(c => new SelectListItem($"{c.Name}, {c.JobTitle}", c.Id.ToString()))];
    }
}
