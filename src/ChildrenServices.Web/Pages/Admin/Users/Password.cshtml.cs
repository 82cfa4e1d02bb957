using ChildrenServices.Application.Users;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Admin.Users;

/// <summary>Give a colleague a new temporary password: they must choose their own when they next sign in.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageUsers))]
public sealed class PasswordModel(ISender sender, Microsoft.Extensions.Options.IOptions<ChildrenServices.Infrastructure.Identity.AccountSettings> settings)
    : FormPageModel(sender)
{
    [BindProperty]
    public SetTemporaryPassword.Command Input { get; set; } = new();

    public ListUsers.Row Account { get; private set; } = default!;

    public int LifetimeHours => settings.Value.TemporaryPasswordHours;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input = new SetTemporaryPassword.Command { UserId = id };
        await LoadDisplayDataAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { UserId = id };
        return await SendAndReturnAsync(Input, "/Admin/Users/Index", null,
            $"Temporary password set for {(await AccountAsync(id)).DisplayName}. They have been signed out, and must choose their own password when they sign in");
    }

    public override async Task LoadDisplayDataAsync() => Account = await AccountAsync(Input.UserId);

    private async Task<ListUsers.Row> AccountAsync(Guid id) =>
        (await Sender.Send(new ListUsers.Query())).SingleOrDefault(u => u.Id == id) ?? throw new Application.NotFoundException("Page not found");
}
