using ChildrenServices.Application;
using ChildrenServices.Application.FrontDoor;
using ChildrenServices.Domain.Codes;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChildrenServices.Web.Pages.Request;

/// <summary>Everything typed, each answer with a Change link, then the declaration and "Accept and send".</summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.OnlineRequestProtection.SubmitPolicy)]
public sealed class CheckAnswersModel(ISender sender) : RequestPageModel(sender)
{
    public OnlineRequestAnswers Shown => Answers;

    public override string BackLink => "/request/consent";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadDraftAsync())
        {
            return Restart();
        }

        return FirstUnanswered() is { } missing ? Redirect(missing) : Page();
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

        if (FirstUnanswered() is { } missing)
        {
            return Redirect(missing);
        }

        string reference;
        try
        {
            reference = await Sender.Send(new SubmitOnlineRequest.Command(DraftId, Answers));
        }
        catch (ValidationException invalid)
        {
            // Only reachable if a draft was saved around the pages' own checks: say what to fix.
            foreach (var message in invalid.Errors.Select(e => e.ErrorMessage).Distinct())
            {
                ModelState.AddModelError(string.Empty, message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (NotFoundException)
        {
            return Restart();
        }

        ForgetDraft();
        TempData[ReferenceKey] = reference;
        return Redirect("/request/confirmation");
    }

    public static string Describe(OnlineRequestAnswers answers) => answers.Requester?.Kind switch
    {
        RequesterKind.Professional => "A professional",
        RequesterKind.MemberOfThePublic => "A member of the public",
        _ => string.Empty,
    };

    public static string Relationship(OnlineRequestAnswers answers) => answers.Requester?.Kind == RequesterKind.Professional
        ? ProfessionalSources.All.FirstOrDefault(s => s.Code == answers.Relationship?.AgencyCode).Description ?? string.Empty
        : answers.Relationship?.Relationship switch
        {
            PublicRelationship.FamilyMember => "Parent, relative or carer",
            PublicRelationship.Self => "The child or young person",
            PublicRelationship.Other => "Someone else, for example a neighbour or family friend",
            _ => string.Empty,
        };

    public static string Consent(ConsentAnswer? consent) => consent?.FamilyAgreed switch
    {
        FamilyAgreement.Yes => "Yes, they know and have agreed",
        FamilyAgreement.No => "No, they have not agreed",
        FamilyAgreement.NotAsked => "I have not asked them",
        _ => string.Empty,
    };

    /// <summary>The first question not yet answered, so nobody reaches "Accept and send" with a gap.</summary>
    private string? FirstUnanswered() => Answers switch
    {
        { Requester.Kind: null } or { Requester: null } => "/request/who",
        { Relationship: null } => "/request/relationship",
        { Details: null } => "/request/your-details",
        { Children.Count: 0 } => "/request/child",
        { ChildrenComplete: false } => "/request/children",
        { Adults: null } => "/request/adults",
        { Worries: null } => "/request/worries",
        { Consent: null } => "/request/consent",
        _ => null,
    };
}
