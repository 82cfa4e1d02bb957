using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>
/// Record a new child or adult. When the details look like someone already recorded, the form comes
/// back with the possible matches and asks the practitioner to confirm before anything is saved.
/// </summary>
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class CreateModel(ISender sender, TimeProvider clock) : FormPageModel(sender), IPersonDetailsForm
{
    [BindProperty]
    public CreatePerson.Command Input { get; set; } = new();

    /// <summary>After saving, go on to link the new person to this one (adding a parent, say).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? LinkTo { get; set; }

    /// <summary>After saving, put the new person on this front-door contact.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ForContact { get; set; }

    /// <summary>The online requester's description the new child is recorded from.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ReportedChildId { get; set; }

    PersonDetailsInput IPersonDetailsForm.Input => Input;

    public bool IsChild => Input.Type == PersonType.Child;

    public IReadOnlyList<FindLikelyDuplicates.Candidate> PossibleMatches { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(PersonType? type)
    {
        Today = Application.UkTime.Today(clock);
        Input = new CreatePerson.Command { Type = type ?? (LinkTo is null ? PersonType.Child : PersonType.Adult) };
        if (ForContact is { } contactId && ReportedChildId is { } reportedId)
        {
            var reported = (await Sender.Send(new Application.FrontDoor.GetContact.Query(contactId))).ReportedChildren.FirstOrDefault(r => r.Id == reportedId);
            if (reported is not null)
            {
                Input = Input with { Type = PersonType.Child, GivenNames = reported.GivenName, FamilyName = reported.FamilyName, DateOfBirth = reported.DateOfBirth };
            }
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var id = await Sender.Send(Input);
        var name = $"{Input.GivenNames} {Input.FamilyName}";
        if (ForContact is { } contactId)
        {
            await Sender.Send(new Application.FrontDoor.AddPersonToContact.Command { ContactId = contactId, PersonId = id, ReportedChildId = ReportedChildId });
            return RedirectWithBanner("/FrontDoor/Contacts/Details", new { id = contactId }, $"{name} recorded and added to the contact");
        }

        return LinkTo is { } other
            ? RedirectWithBanner("/People/AddRelationship", new { id = other, relatedPersonId = id }, $"{name} recorded. Now say how they are related.")
            : RedirectWithBanner("/People/Record", new { id }, $"{name} recorded");
    }

    public override async Task LoadDisplayDataAsync()
    {
        Today = Application.UkTime.Today(clock);
        if (ModelState.TryGetValue("Input.ConfirmedNotDuplicate", out var entry) && entry.Errors.Count > 0)
        {
            PossibleMatches = await Sender.Send(new FindLikelyDuplicates.Query(
                Input.GivenNames, Input.FamilyName, Input.DateOfBirth ?? Input.ExpectedDateOfBirth, Input.NhsNumber));
        }
    }
}
