using ChildrenServices.Application.People;
using ChildrenServices.Application.Recording;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Corrections;

/// <summary>
/// Corrects the date of a review or visit recorded wrongly, with why: the worker who recorded it within a week, or a
/// manager of the team holding the case. Reached from the child's visits and reviews.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class DateModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public CorrectRecordedDate.Command Input { get; set; } = new();

    public GetDateToCorrect.Result Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CorrectedRecord kind, Guid recordId)
    {
        Record = await Sender.Send(new GetDateToCorrect.Query(id, kind, recordId));
        if (!Record.MayCorrect)
        {
            return Forbid();
        }

        Input = new() { PersonId = id, Kind = kind, RecordId = recordId, Version = Record.Version, HeldOn = Record.On };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CorrectedRecord kind, Guid recordId)
    {
        Input = Input with { PersonId = id, Kind = kind, RecordId = recordId };
        return await SendAndReturnAsync(Input, kind switch { CorrectedRecord.ReferralDate => "/People/Contacts", CorrectedRecord.AllocationStart => "/People/Allocations", CorrectedRecord.CareEpisodeStart or CorrectedRecord.CareEnd => "/People/LookedAfter/Index", _ => "/People/Visits" }, new { id }, $"Corrected: the date of the {kind.Describe().ToLowerInvariant()}");
    }

    public override async Task LoadDisplayDataAsync() => Record = await Sender.Send(new GetDateToCorrect.Query(person.Id, Input.Kind, Input.RecordId));
}
