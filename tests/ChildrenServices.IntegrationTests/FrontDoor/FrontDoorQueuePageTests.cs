using System.Net;
using ChildrenServices.Domain.FrontDoor;
using ChildrenServices.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildrenServices.IntegrationTests.FrontDoor;

/// <summary>The queue page keeps the server's order: immediate risk first, then the earliest deadline.</summary>
public sealed class FrontDoorQueuePageTests(AppFactory factory) : FrontDoorTestBase(factory)
{
    [Fact]
    public async Task QueuePage_ImmediateRiskWithALaterDeadline_IsFirstAndNoColumnIsSortedOnLoad()
    {
        var routineChild = await CreateChildAsync(Practitioner, "Sam", "Early");
        var immediateChild = await CreateChildAsync(Practitioner, "Ira", "Later");
        var routine = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 23, 9, 0, 0), routineChild));
        var immediate = await SendAsUserAsync(Practitioner, NewContact(new DateTime(2026, 11, 24, 9, 30, 0), immediateChild) with { Urgency = ContactUrgency.Immediate });
        var references = await WithDbAsync(db => db.Contacts.ToDictionaryAsync(c => c.Id, c => c.Reference));

        var response = await ClientFor(Practitioner).GetAsync("/FrontDoor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var immediateAt = html.IndexOf($">{references[immediate]}</a>", StringComparison.Ordinal);
        var routineAt = html.IndexOf($">{references[routine]}</a>", StringComparison.Ordinal);
        Assert.True(immediateAt > 0 && routineAt > 0, "Both contacts are on the queue");
        Assert.True(immediateAt < routineAt, "The immediate-risk contact comes first although its deadline is later");

        // The MOJ sortable table re-sorts on load by any column marked ascending or descending.
        Assert.Contains("data-module=\"moj-sortable-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-sort=\"descending\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"none\">Decision deadline", html, StringComparison.Ordinal);
    }
}
