using ChildrenServices.Application.FrontDoor;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Whether the family knows and has agreed to the information being shared, and why not if not.</summary>
[AllowAnonymous]
public sealed class ConsentModel(ISender sender, ILogger<ConsentModel> logger) : RequestPageModel(sender, logger)
{
    [BindProperty]
    public ConsentAnswer Input { get; set; } = new();

    public override string BackLink => Changing ? CheckAnswersPath : "/request/worries";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        Input = Answers.Consent ?? new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await LoadDraftAsync();
        if (HoneypotFilled)
        {
            return await DiscardAsync();
        }

        if (!found)
        {
            return Restart();
        }

        if (Input.FamilyAgreed != FamilyAgreement.No)
        {
            Input = Input with { NoConsentReason = null };
        }

        if (!await IsValidAsync(Input))
        {
            return Page();
        }

        return await SaveAndGoAsync(Answers with { Consent = Input }, CheckAnswersPath);
    }
}
