using ChildrenServices.Application.People;
using ChildrenServices.Application.SocialCare;
using ChildrenServices.Domain.Common;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People.Assessment;

/// <summary>
/// The worker's analysis, the DfE factors and the outcome; saved as often as they like, then sent to
/// the manager. "Save and send" saves first, so nothing typed is lost if sending is refused.
/// </summary>
[KeepsDraft(DraftScope.Person)]
[PersonPage(Records = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class EditModel(ISender sender, PersonContext person) : FormPageModel(sender)
{
    public GetRecordHeader.Header Person => person.Header;

    public DateOnly Today => person.Today;

    [BindProperty]
    public SaveAssessment.Command Input { get; set; } = new();

    public GetAssessment.Current? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input = new SaveAssessment.Command { PersonId = id };
        Current = (await Sender.Send(new GetAssessment.Query(id))).Open;
        if (Current is null)
        {
            return RedirectToPage("/People/Assessment/Index", new { id });
        }

        Input = Input with
        {
            AssessmentId = Current.Id, Version = Current.Version, Analysis = Current.Analysis, Factors = [.. Current.Factors], Outcome = Current.Outcome, LateReason = Current.LateReason,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Assessment/Index", new { id }, "Assessment saved");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        await Sender.Send(Input);
        var saved = (await Sender.Send(new GetAssessment.Query(id))).Assessments.Single(a => a.Id == Input.AssessmentId);
        try
        {
            await Sender.Send(new SubmitAssessment.Command(id, saved.Id, saved.Version));
        }
        catch (DomainRuleException refused)
        {
            // What was typed is saved; the form stays, on the new version, with the reason beside the field.
            ModelState.Clear();
            ModelState.AddModelError($"Input.{refused.Field}", refused.Message);
            Input = Input with { Version = saved.Version };
            await LoadDisplayDataAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectWithBanner("/People/Assessment/Index", new { id }, "Assessment sent to your manager for authorisation");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Current = (await Sender.Send(new GetAssessment.Query(Input.PersonId))).Assessments.FirstOrDefault(a => a.Id == Input.AssessmentId);
    }
}
