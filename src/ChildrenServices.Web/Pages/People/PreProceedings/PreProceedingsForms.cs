using ChildrenServices.Application.SocialCare;
using Mediator;

namespace ChildrenServices.Web.Pages.People.PreProceedings;

/// <summary>What the pre-proceedings forms share: the overview they return to and the record they are about.</summary>
public static class PreProceedingsForms
{
    /// <summary>Where every pre-proceedings form returns, with its banner.</summary>
    public const string Overview = "/People/PreProceedings/Index";

    /// <summary>The child's open pre-proceedings; or (after a refused save that decided them meanwhile) the latest, unless <paramref name="openOnly"/>.</summary>
    public static async Task<GetPreProceedings.Record?> OpenAsync(ISender sender, Guid personId, bool openOnly)
    {
        var all = await sender.Send(new GetPreProceedings.Query(personId));
        return all.Open ?? (openOnly ? null : all.Records.FirstOrDefault());
    }

    /// <summary>The latest pre-proceedings that decided to issue care proceedings, for the court application.</summary>
    public static async Task<GetPreProceedings.Record?> IssuedAsync(ISender sender, Guid personId)
    {
        var all = await sender.Send(new GetPreProceedings.Query(personId));
        return all.Records.FirstOrDefault(r => r.Outcome == Domain.SocialCare.PreProceedingsOutcome.IssueCareProceedings);
    }

    /// <summary>
    /// The pre-proceedings a refused form is shown again with. None at all (a form posted for a child who never had any)
    /// cannot be shown again: the refusal says why, as a conflict, rather than the page failing.
    /// </summary>
    public static async Task<GetPreProceedings.Record> ToShowAgainAsync(ISender sender, Guid personId) =>
        await OpenAsync(sender, personId, openOnly: false)
        ?? throw new Domain.Common.DomainRuleException("This child has no pre-proceedings: they start with the letter before proceedings");

    /// <summary>The decision to issue a refused court form is shown again with; none is said, not failed on.</summary>
    public static async Task<GetPreProceedings.Record> IssuedToShowAgainAsync(ISender sender, Guid personId) =>
        await IssuedAsync(sender, personId)
        ?? throw new Domain.Common.DomainRuleException("No pre-proceedings for this child decided to issue care proceedings");
}
