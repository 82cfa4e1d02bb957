using ChildrenServices.Application.People;
using ChildrenServices.Domain.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Change personal details. The version the user loaded travels with the form, so a later save by someone else is not overwritten.</summary>
[PersonPage(Records = true, WithDetails = true)]
[Authorize(Policy = nameof(Application.Security.Permission.RecordPeople))]
public sealed class EditModel(ISender sender, PersonContext person) : FormPageModel(sender), IPersonDetailsForm
{
    public GetRecordHeader.Header Person => person.Header;

    public GetPersonRecord.Record Details => person.Details;

    [BindProperty]
    public UpdatePersonDetails.Command Input { get; set; } = new();

    PersonDetailsInput IPersonDetailsForm.Input => Input;

    public bool IsChild => Person.Type == PersonType.Child;

    public async Task OnGetAsync(Guid id)
    {
        var p = Details;
        Input = new UpdatePersonDetails.Command
        {
            PersonId = p.Id,
            Version = p.Version,
            DateOfBirth = p.DateOfBirth,
            ExpectedDateOfBirth = p.ExpectedDateOfBirth,
            DateOfDeath = p.DateOfDeath,
            ApproximateAge = p.ApproximateAge,
            DateOfBirthNotKnownReason = p.DateOfBirthNotKnownReason,
            Sex = p.Sex,
            EthnicityCode = p.EthnicityCode,
            DisabilityCodes = [.. p.DisabilityCodes],
            FirstLanguage = p.FirstLanguage,
            InterpreterRequired = p.InterpreterRequired,
            NhsNumber = p.NhsNumber,
            UniquePupilNumber = p.UniquePupilNumber,
            UpnUnknownReason = p.UpnUnknownReason,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Input = Input with { PersonId = id };
        return await SendAndReturnAsync(Input, "/People/Record", new { id }, "Personal details saved");
    }
}
