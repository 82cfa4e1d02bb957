using ChildrenServices.Application.People;
using ChildrenServices.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildrenServices.Web.Pages.People;

/// <summary>Every statutory visit, review, core group and conference for the child, newest first.</summary>
[Authorize(Policy = nameof(Application.Security.Permission.ViewChildRecord))]
public sealed class VisitsModel(ISender sender, PersonContext person) : PageModel
{
    public GetRecordHeader.Header Person => person.Header;

    public IReadOnlyList<GetVisitsAndReviews.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        Items = await sender.Send(new GetVisitsAndReviews.Query(id));
    }

    public static string Name(GetVisitsAndReviews.Kind kind) => kind switch
    {
        GetVisitsAndReviews.Kind.ChildInNeedVisit => "Child in need visit",
        GetVisitsAndReviews.Kind.ChildInNeedReview => "Child in need plan review",
        GetVisitsAndReviews.Kind.ChildProtectionVisit => "Child protection visit",
        GetVisitsAndReviews.Kind.ChildProtectionReview => "Child protection review conference",
        GetVisitsAndReviews.Kind.CoreGroup => "Core group meeting",
        GetVisitsAndReviews.Kind.InitialConference => "Initial child protection conference",
        GetVisitsAndReviews.Kind.LookedAfterVisit => "Looked after child visit",
        GetVisitsAndReviews.Kind.LookedAfterReview => "Looked after child review",
        _ => kind.ToString(),
    };

    public string Href(GetVisitsAndReviews.Kind kind) => kind switch
    {
        GetVisitsAndReviews.Kind.ChildInNeedVisit or GetVisitsAndReviews.Kind.ChildInNeedReview => $"/People/{Person.Id}/ChildInNeed",
        GetVisitsAndReviews.Kind.LookedAfterVisit or GetVisitsAndReviews.Kind.LookedAfterReview => $"/People/{Person.Id}/LookedAfter",
        _ => $"/People/{Person.Id}/ChildProtection",
    };

    public static string Seen(GetVisitsAndReviews.Item item) => item.ChildSeen switch
    {
        null => string.Empty,
        false => "Child not seen",
        true => item.SeenAlone == true ? "Child seen alone" : "Child seen, not alone",
    };
}
