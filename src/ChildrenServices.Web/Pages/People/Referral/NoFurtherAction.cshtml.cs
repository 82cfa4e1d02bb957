using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Referral;

/// <summary>The manager of the team a referral is with ends it with no further action, before any assessment (the census's referral NFA).</summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.DecideApprovals))]
public sealed class NoFurtherActionModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    [BindProperty]
    public EndReferralWithNoFurtherAction.Command Input { get; set; } = new();

    /// <summary>The open referral the form ends.</summary>
    public GetAssessment.Result Referral { get; private set; } = new(null, null, null, null, null, []);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Referral = await Sender.Send(new GetAssessment.Query(id));
        if (Referral.Referral is not { NoFurtherAction: false, ClosedOn: null, AnythingRecorded: false, ManagedByMe: true } open)
        {
            return RedirectToPage("/People/Assessment/Index", new { id });
        }

        Input = new() { PersonId = id, ReferralId = open.Id, Version = open.Version, ClosedOn = person.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        return RedirectWithBanner("/People/Assessment/Index", new { id }, await Sender.Send(Input));
    }

    public override async Task LoadDisplayDataAsync() => Referral = await Sender.Send(new GetAssessment.Query(person.Id));
}
