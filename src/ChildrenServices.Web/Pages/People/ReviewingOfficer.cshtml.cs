using ChildrenServices.Application.People;
using ChildrenServices.Application.Reviews;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>A manager allocates the child's independent reviewing officer (regulation 45), seeing how many children each reviews.</summary>
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.AllocateWork))]
public sealed class ReviewingOfficerModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public AllocateReviewingOfficer.Command Input { get; set; } = new();

    public GetReviewingOfficer.Result Officer { get; private set; } = default!;

    public async Task OnGetAsync(Guid id)
    {
        Input = new AllocateReviewingOfficer.Command { PersonId = id };
        await LoadDisplayDataAsync();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, "Independent reviewing officer allocated");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Officer = await Sender.Send(new GetReviewingOfficer.Query(Input.PersonId));
    }
}
