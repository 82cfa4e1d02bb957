using ChildrenServices.Application.Teams;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChildrenServices.Web.Pages.Admin.Teams;

[Authorize(Policy = nameof(Application.Security.Permission.ManageTeams))]
public sealed class EditModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public SaveTeam.Command Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Managers { get; private set; } = [];

    public bool IsNew => Input.TeamId == Guid.Empty;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        await LoadDisplayDataAsync();
        if (id is { } teamId)
        {
            var team = (await Sender.Send(new ListTeams.Query())).SingleOrDefault(t => t.Id == teamId);
            if (team is null)
            {
                return NotFound();
            }

            Input = new SaveTeam.Command
            {
                TeamId = team.Id, Version = team.Version, Name = team.Name, Kind = team.Kind,
                ManagerId = team.ManagerId, CaseloadCapacityPerWorker = team.CaseloadCapacityPerWorker,
            };
        }
        else
        {
            Input = new SaveTeam.Command { CaseloadCapacityPerWorker = 18 };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Input = Input with { TeamId = id ?? Guid.Empty };
        return await SendAndReturnAsync(Input, "/Admin/Teams/Index", null, $"{Input.Name} saved");
    }

    public override async Task LoadDisplayDataAsync() =>
        Managers = [.. (await Sender.Send(new ListManagers.Query())).Select(m => new SelectListItem(m.Name, m.Id.ToString()))];
}
