using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Every assessment and plan the child has had, each linked to the page that holds it.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class PlansModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public IReadOnlyList<GetAssessmentsAndPlans.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Items = await sender.Send(new GetAssessmentsAndPlans.Query(id));
    }

    public string Name(GetAssessmentsAndPlans.Item item) => item.Kind switch
    {
        GetAssessmentsAndPlans.Kind.ChildAndFamilyAssessment => "Child and family assessment",
        GetAssessmentsAndPlans.Kind.Section47Enquiry => "Section 47 enquiry",
        GetAssessmentsAndPlans.Kind.ChildInNeedPlan => "Child in need plan",
        GetAssessmentsAndPlans.Kind.ChildProtectionPlan => "Child protection plan",
        GetAssessmentsAndPlans.Kind.EarlyHelpEpisode => "Early help episode",
        GetAssessmentsAndPlans.Kind.EarlyHelpAssessment => "Early help assessment",
        GetAssessmentsAndPlans.Kind.FamilyPlan => "Early help family plan",
        GetAssessmentsAndPlans.Kind.PeriodOfCare => "Period of care (looked after)",
        GetAssessmentsAndPlans.Kind.PreProceedings => "Pre-proceedings",
        _ => item.Kind.ToString(),
    };

    public string Href(GetAssessmentsAndPlans.Item item) => item.Kind switch
    {
        GetAssessmentsAndPlans.Kind.ChildAndFamilyAssessment => $"/People/{Person.Id}/Assessment",
        GetAssessmentsAndPlans.Kind.Section47Enquiry or GetAssessmentsAndPlans.Kind.ChildProtectionPlan => $"/People/{Person.Id}/ChildProtection",
        GetAssessmentsAndPlans.Kind.ChildInNeedPlan => $"/People/{Person.Id}/ChildInNeed",
        GetAssessmentsAndPlans.Kind.EarlyHelpAssessment => $"/EarlyHelp/Episodes/{item.EpisodeId}/Assessment",
        GetAssessmentsAndPlans.Kind.EarlyHelpEpisode or GetAssessmentsAndPlans.Kind.FamilyPlan => $"/EarlyHelp/Episodes/{item.EpisodeId}",
        GetAssessmentsAndPlans.Kind.PreProceedings => $"/People/{Person.Id}/PreProceedings",
        _ => $"/People/{Person.Id}/LookedAfter",
    };

    public string Description(GetAssessmentsAndPlans.Item item) => item.Kind switch
    {
        GetAssessmentsAndPlans.Kind.ChildProtectionPlan when item.Detail is { } c => $"Category: {Domain.Codes.DfeCodes.CategoryOfAbuse.DescriptionOf(c)}",
        GetAssessmentsAndPlans.Kind.ChildAndFamilyAssessment => item.Detail switch
        {
            "Authorised" => "Authorised",
            "Submitted" => "Submitted for authorisation",
            _ => "In progress",
        },
        GetAssessmentsAndPlans.Kind.Section47Enquiry => item.Detail switch
        {
            "Conference" => "Initial child protection conference needed",
            "NoConference" => "No conference needed",
            _ => "Enquiry under way",
        },
        GetAssessmentsAndPlans.Kind.EarlyHelpAssessment => item.Detail == "Completed" ? "Completed" : "In progress",
        GetAssessmentsAndPlans.Kind.PreProceedings => Enum.TryParse<Domain.SocialCare.PreProceedingsOutcome>(item.Detail, out var outcome)
            ? Domain.SocialCare.PreProceedingsOutcomeText.Describe(outcome)
            : "Under way",
        _ => string.Empty,
    };
}
