using ChildrenServices.Domain.Allocations;
using ChildrenServices.Domain.People;
using ChildrenServices.Domain.Recording;
using ChildrenServices.Domain.Teams;
using ChildrenServices.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChildrenServices.BrowserTests.Browse;

namespace ChildrenServices.BrowserTests;

/// <summary>A social worker records a long case note; closing the tab loses nothing; the note reaches the chronology.</summary>
public sealed class RecordingJourney(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string SocialWorker = "socialworker@demo.example";

    [Fact]
    public async Task LongNote_SurvivesAClosedTab_AndASignificantNoteReachesTheChronology()
    {
        var (childId, given) = await ChildAllocatedToTheSocialWorkerAsync();
        var title = $"Home visit: {given} seen alone after school";
        var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"Paragraph {i}. {given} showed me their bedroom and talked about school, friends and the weekends with dad. " +
            "Mum was tired but engaged; the kitchen had food in and the flat was warm. We talked about what is working well and what still worries everyone."));

        var page = await host.NewPageAsync();
        await SignInAsync(page, SocialWorker, $"/People/{childId}");
        await ClickAsync(page, "Case notes", AriaRole.Link);
        await AssertAccessibleAsync(page, "case notes");
        await ClickAsync(page, "Add a case note", AriaRole.Link);
        await AssertAccessibleAsync(page, "add a case note");

        await page.GetByLabel("Visit", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Time it happened (optional)").FillAsync("15:45");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Case note", new() { Exact = true }).FillAsync(text);
        await page.Locator("#draft-status").Filter(new() { HasText = "Draft saved at" }).WaitForAsync();
        await page.Context.CloseAsync();

        // A new browser context: a new session, as after a timeout. Only the server's draft remains.
        var again = await host.NewPageAsync();
        await SignInAsync(again, SocialWorker, $"/People/{childId}/Notes/New");
        Assert.Contains("You have an unsent draft from", await again.Locator("#draft-restored").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(text, await again.GetByLabel("Case note", new() { Exact = true }).InputValueAsync());
        Assert.Equal(title, await again.GetByLabel("Title").InputValueAsync());
        await AssertAccessibleAsync(again, "a restored draft");

        await again.GetByLabel($"{given} was seen", new() { Exact = true }).CheckAsync();
        await again.GetByLabel($"{given} was seen alone", new() { Exact = true }).CheckAsync();
        await again.GetByLabel("This is a significant event: show it in the chronology").CheckAsync();
        await ClickAsync(again, "Save case note");
        Assert.Contains("Case note saved", await again.Locator(".govuk-notification-banner").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(title, (await again.Locator("h1").InnerTextAsync()).Trim());
        await AssertAccessibleAsync(again, "a saved case note");

        await ClickAsync(again, "Chronology", AriaRole.Link);
        Assert.Contains(title, await again.Locator(".moj-timeline").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(again, "the chronology");

        await ClickAsync(again, "Read the family chronology", AriaRole.Link);
        Assert.Contains(title, await again.Locator(".moj-timeline").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(again, "the family chronology");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.FormDrafts.AnyAsync(d => d.SubjectId == childId, TestContext.Current.CancellationToken));
        var note = await db.CaseNotes.SingleAsync(n => n.ChildId == childId && n.Title == title, TestContext.Current.CancellationToken);
        Assert.True(note.Significant && note.ChildSeenAlone);
        Assert.Equal(CaseNoteType.Visit, note.Type);
    }

    /// <summary>A child the demo seed allocated to the social worker; with a small seed there may be none, so allocate one.</summary>
    private async Task<(Guid Id, string Given)> ChildAllocatedToTheSocialWorkerAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var worker = await db.Staff.Where(s => s.Email == SocialWorker).Select(s => s.Id).SingleAsync(ct);
        var allocated = db.Allocations.Where(a => a.WorkerId == worker && a.EndedOn == null).Select(a => a.ChildId);
        var child = await db.People
            .Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && allocated.Contains(p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.GivenNames }).FirstOrDefaultAsync(ct);
        if (child is not null)
        {
            return (child.Id, child.GivenNames);
        }

        var held = db.Allocations.Where(a => a.EndedOn == null).Select(a => a.ChildId);
        var free = await db.People
            .Where(p => p.Type == PersonType.Child && p.Restriction == null && p.DateOfBirth != null && !held.Contains(p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.GivenNames }).FirstAsync(ct);
        var team = await db.Teams.Where(t => t.Kind == TeamKind.Assessment).Select(t => new { t.Id, t.ManagerId }).FirstAsync(ct);
        db.Allocations.Add(new Allocation(free.Id, worker, team.Id, AllocationRole.Lead, DateOnly.FromDateTime(BrowserHost.Today).AddDays(-30), team.ManagerId!.Value));
        await db.SaveChangesAsync(ct);
        return (free.Id, free.GivenNames);
    }
}
