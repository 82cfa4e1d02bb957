using ChildrenServices.Application.SocialCare;
using Mediator;

namespace ChildrenServices.Web.Pages.People.ChildProtection;

/// <summary>
/// What the child protection forms share, as helpers rather than a base class: the overview they return to, and
/// the open enquiry or plan a form is about.
/// </summary>
public static class ChildProtectionForms
{
    /// <summary>Where every child protection form returns, with its banner.</summary>
    public const string Overview = "/People/ChildProtection/Index";

    /// <summary>The child's open enquiry; or (after a refused save that closed it meanwhile) the latest one, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetChildProtection.Enquiry?> EnquiryAsync(ISender sender, Guid personId, bool openOnly)
    {
        var all = await sender.Send(new GetChildProtection.Query(personId));
        return all.Open ?? (openOnly ? null : all.Enquiries.FirstOrDefault());
    }

    /// <summary>The child's open plan; or (after a refused save that ended it meanwhile) the latest one, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetChildProtection.Plan?> PlanAsync(ISender sender, Guid personId, bool openOnly)
    {
        var all = await sender.Send(new GetChildProtection.Query(personId));
        return all.OpenPlan ?? (openOnly ? null : all.Plans?.FirstOrDefault());
    }
}
