using ChildrenServices.Application.Teams;
using ChildrenServices.Application.Users;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.Admin.Users;

[Authorize(Policy = nameof(Application.Security.Permission.ManageUsers))]
public sealed class CreateModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public CreateUser.Command Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> TeamOptions { get; private set; } = [];

    public Task OnGetAsync() => LoadDisplayDataAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        Input = Input with { Password = null };
        return RedirectWithBanner("/Admin/Users/Index", null, $"Account created for {Input.DisplayName}. Give them their temporary password in person or by phone.");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Input = Input with { Password = null };
        TeamOptions = [.. (await Sender.Send(new ListTeams.Query())).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
    }
}
