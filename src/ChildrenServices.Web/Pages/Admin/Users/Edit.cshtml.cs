using ChildrenServices.Application.Teams;
using ChildrenServices.Application.Users;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.Admin.Users;

/// <summary>Change a colleague's roles and teams, or disable the account (it loses access on its next request).</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageUsers))]
public sealed class EditModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public ChangeUserAccess.Command Input { get; set; } = new();

    public ListUsers.Row Account { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> TeamOptions { get; private set; } = [];

    /// <summary>An administrator's own account: changing its roles needs their password.</summary>
    public bool IsOwnAccount => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value == Input.UserId.ToString();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input = new ChangeUserAccess.Command { UserId = id };
        await LoadDisplayDataAsync();
        var teams = await Sender.Send(new ListTeams.Query());
        Input = Input with
        {
            Version = Account.Version,
            DisplayName = Account.DisplayName,
            JobTitle = Account.JobTitle,
            RegistrationNumber = Account.RegistrationNumber,
            Roles = [.. Account.Roles],
            TeamIds = [.. teams.Where(t => Account.Teams.Contains(t.Name)).Select(t => t.Id)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { UserId = id };
        return await SendAndReturnAsync(Input, "/Admin/Users/Index", null, $"Changes saved for {Input.DisplayName}");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled)
    {
        Input = new ChangeUserAccess.Command { UserId = id };
        await Sender.Send(new SetUserDisabled.Command(id, disabled));
        return RedirectWithBanner("/Admin/Users/Index", null, disabled ? "Account disabled. They have been signed out." : "Account enabled");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(Guid id)
    {
        Input = new ChangeUserAccess.Command { UserId = id };
        await Sender.Send(new EndUserSessions.Command(id));
        return RedirectWithBanner("/Admin/Users/Edit", new { id }, "They have been signed out everywhere");
    }

    public async Task<IActionResult> OnPostResetAuthenticatorAsync(Guid id)
    {
        Input = new ChangeUserAccess.Command { UserId = id };
        await Sender.Send(new ResetUserAuthenticator.Command(id));
        return RedirectWithBanner("/Admin/Users/Edit", new { id }, "Their authenticator app is removed and they have been signed out. They set up a new one when they next sign in");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Account = (await Sender.Send(new ListUsers.Query())).SingleOrDefault(u => u.Id == Input.UserId)
            ?? throw new Application.NotFoundException("Page not found");
        TeamOptions = [.. (await Sender.Send(new ListTeams.Query())).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];
    }
}
