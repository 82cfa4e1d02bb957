using ChildrenServices.Application.Returns;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Admin.Returns;

/// <summary>An administrator sets what the DfE returns' headers carry: the LA number, the ONS code and the software's name.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ManageReturnSettings))]
public sealed class IndexModel(ISender sender) : FormPageModel(sender)
{
    [BindProperty]
    public SaveReturnSettings.Command Input { get; set; } = new();

    public GetReturnSettings.Result Current { get; private set; } = new(null, null, Domain.Returns.ReturnSettings.DefaultSoftwareName, null, null, null);

    public async Task OnGetAsync()
    {
        await LoadDisplayDataAsync();
        Input = new SaveReturnSettings.Command { Version = Current.Version, LaNumber = Current.LaNumber, OnsCode = Current.OnsCode, SoftwareName = Current.SoftwareName };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndReturnAsync(Input, "/Admin/Returns/Index", null, "Return settings saved: the returns' headers now carry them");

    public override async Task LoadDisplayDataAsync() => Current = await Sender.Send(new GetReturnSettings.Query());
}
