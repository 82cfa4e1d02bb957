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

    PersonDetailsInput IPersonDetailsForm.Input => Input;

    public bool IsChild => Input.Type == PersonType.Child;

    public IReadOnlyList<FindLikelyDuplicates.Candidate> PossibleMatches { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public void OnGet(PersonType? type)
    {
        Today = Application.UkTime.Today(clock);
        Input = new CreatePerson.Command { Type = type ?? (LinkTo is null ? PersonType.Child : PersonType.Adult) };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await BindingFailedAsync(Input))
        {
            return Page();
        }

        var id = await Sender.Send(Input);
        var name = $"{Input.GivenNames} {Input.FamilyName}";
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
