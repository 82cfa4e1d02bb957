using ChildrenServices.Application.People;
using ChildrenServices.Domain.Codes;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// One colour per meaning, across the product (docs/ux.md): what is open for a child and the alerts
/// that must never be missed read the same on the identity bar, search results and lists.
/// </summary>
public static class StatusTags
{
    public static (string Text, string Colour) For(GetRecordHeader.StatusTag tag) => tag.Status switch
    {
        GetRecordHeader.Status.OpenReferral => ("Open referral", "govuk-tag--blue"),
        GetRecordHeader.Status.EarlyHelp => ("Early help", "govuk-tag--turquoise"),
        GetRecordHeader.Status.ChildInNeedPlan => ("Child in need plan", "govuk-tag--light-blue"),
        GetRecordHeader.Status.ChildProtectionPlan =>
            ($"Child protection plan{(tag.Code is { } c ? $": {DfeCodes.CategoryOfAbuse.DescriptionOf(c)}" : "")}", "govuk-tag--purple"),
        GetRecordHeader.Status.PreProceedings => ("Pre-proceedings", "govuk-tag--yellow"),
        GetRecordHeader.Status.LookedAfter =>
            ($"Looked after{(tag.Code is { } l ? $": {Ssda903Codes.LegalStatus.DescriptionOf(l)}" : "")}", "govuk-tag--pink"),
        _ => (tag.Status.ToString(), "govuk-tag--grey"),
    };

    public static (string Text, string Colour) For(GetRecordHeader.Alert alert) => alert.Kind switch
    {
        GetRecordHeader.AlertKind.Restricted => ("Restricted record", "govuk-tag--red"),
        GetRecordHeader.AlertKind.MissingFromCare => ($"Missing from care since {Display.Date(alert.Since)}", "govuk-tag--red"),
        GetRecordHeader.AlertKind.ReReferral => ($"Re-referral within 12 months ({Display.Date(alert.Since)})", "govuk-tag--orange"),
        GetRecordHeader.AlertKind.RecentContact => ($"Recent contact, {Display.Date(alert.Since)}", "govuk-tag--yellow"),
        GetRecordHeader.AlertKind.DateOfBirthNotKnown => ("Date of birth not known", "govuk-tag--yellow"),
        _ => (alert.Kind.ToString(), "govuk-tag--grey"),
    };

    /// <summary>A deadline's RAG status in words and colour: overdue red, due soon orange, on track green.</summary>
    public static (string Text, string Colour) For(Domain.Timescales.RagStatus status) => status switch
    {
        Domain.Timescales.RagStatus.Red => ("Overdue", "govuk-tag--red"),
        Domain.Timescales.RagStatus.Amber => ("Due soon", "govuk-tag--orange"),
        _ => ("On track", "govuk-tag--green"),
    };
}
