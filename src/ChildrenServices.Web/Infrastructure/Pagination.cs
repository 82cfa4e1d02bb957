namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// What the shared GOV.UK pagination partial (Pages/Shared/_Pagination.cshtml) needs: the current page, how many
/// pages there are, and how to link to a page. Every paged list links with the query value
/// <see cref="QueryName"/>, never "page": Razor Pages keeps the page's own path in a route value called "page",
/// so a query value of that name fails model binding and the page opens with an error.
/// </summary>
public sealed record Pagination(int Page, int PageCount, Func<int, string> Link, string Label)
{
    /// <summary>The query-string name every paged list uses for the page number.</summary>
    public const string QueryName = "pageNumber";
}
