using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Under the need-to-know reading policy, a record of a child the colleague does not work with opens here first: they
/// say why they need to read it (kept, and their managers alerted), then go on to the page they asked for. Nothing of
/// the record is shown until then.
/// </summary>
[PersonPage(GivesReason = true)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class ReasonModel(ISender sender, Microsoft.Extensions.Options.IOptions<Application.Security.ReadingSettings> settings) : FormPageModel(sender)
{
    [BindProperty]
    public GiveReadingReason.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int Hours => settings.Value.ReasonLastsHours;

    public void OnGet(Guid id) => Input = new GiveReadingReason.Command { PersonId = id };

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        // Back to where they were going: this record's page, or a contact or family's early help naming the child. Only an
        // address on this site (IsLocalUrl refuses "//host" and "/\\host").
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : $"/People/{id}");
    }
}
