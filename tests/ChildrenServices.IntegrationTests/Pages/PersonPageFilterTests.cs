using System.Net;
using System.Reflection;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Pages;

/// <summary>
/// What <see cref="PersonPageFilter"/> does for every page under /People: a form marked as recording refuses at
/// once a reader who may not record, lets the case holder in, and a refused POST shows the identity bar again.
/// </summary>
public sealed class PersonPageFilterTests(AppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task EveryRecordingForm_RefusesAtOnceAReaderWhoDoesNotHoldTheCase_AndOpensForTheHolder()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Grace Okafor-Lyle");
        var holder = await CreateUserAsync(Roles.SocialWorker, "Sam Patel");
        var reader = await CreateUserAsync(Roles.SocialWorker, "Alex Morgan");
        await CreateTeamAsync(manager, "Assessment", holder);
        await CreateTeamAsync(await CreateUserAsync(Roles.TeamManager, "Jo Brennan"), "Children in care", reader);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, holder);

        var forms = await RecordingFormsAsync();
        Assert.True(forms.Count >= 15, $"Expected the recording forms, found {forms.Count}: {string.Join(", ", forms)}");
        foreach (var form in forms)
        {
            var url = "/" + form.Replace("{id:guid}", child.ToString(), StringComparison.Ordinal);

            var refused = await ClientFor(reader).GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{url}: {refused.StatusCode} for a reader who does not hold the case");

            // A manager's form (allocate, transfer, reviewing officer, a referral ended with no further action) is the holding team's manager's; the rest the allocated worker's.
            var holding = AllocationForms.Any(f => form.EndsWith(f, StringComparison.Ordinal)) ? manager : holder;
            var opened = await ClientFor(holding).GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(opened.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url}: {opened.StatusCode} for the case's holder");
        }
    }

    [Fact]
    public async Task AnotherTeamsManager_IsNotOfferedAllocationOrTransfer_AndTheFormsRefuseAtOnce_TheHoldingManagerIsOfferedBoth()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Grace Okafor-Lyle");
        var otherManager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var holder = await CreateUserAsync(Roles.SocialWorker, "Alex Morgan");
        await CreateTeamAsync(manager, "Assessment", holder);
        await CreateTeamAsync(otherManager, "Children in care", await CreateUserAsync(Roles.SocialWorker, "Jo Brennan"));
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, holder);
        string[] forms = [$"/People/{child}/Allocate", $"/People/{child}/Transfer", $"/People/{child}/ReviewingOfficer"];

        foreach (var page in new[] { $"/People/{child}", $"/People/{child}/Allocations" })
        {
            var other = await (await ClientFor(otherManager).GetAsync(page, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var holding = await (await ClientFor(manager).GetAsync(page, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var form in forms)
            {
                Assert.DoesNotContain($"href=\"{form}\"", other, StringComparison.Ordinal);
                Assert.Contains($"href=\"{form}\"", holding, StringComparison.Ordinal);
            }
        }

        foreach (var form in forms)
        {
            var refused = await ClientFor(otherManager).GetAsync(form, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var said = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains(PersonPageFilter.RefusalMessage + ".", said, StringComparison.Ordinal);
            Assert.DoesNotContain("Your role does not allow you", said, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await ClientFor(manager).GetAsync(form, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task RefusedPost_ShowsTheFormAgainUnderTheIdentityBar()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Grace Okafor-Lyle");
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Patel");
        await CreateTeamAsync(manager, "Assessment", worker);
        var child = await CreateChildAsync(manager, "Morwenna", "Trelawney");
        await AllocateAsync(manager, child, worker);
        var client = ClientFor(worker);

        var response = await PressAsync(client, $"/People/{child}/Notes/New", "Save case note", [F("Input.Title", string.Empty), F("Input.Text", "Seen at home.")]);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("app-identity-bar__name\">Morwenna Trelawney</p>", html, StringComparison.Ordinal);
        Assert.Contains("Seen at home.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_ForSomeoneWhoDoesNotExist_IsNotFound()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Grace Okafor-Lyle");

        var response = await ClientFor(manager).GetAsync($"/People/{Guid.NewGuid()}/Notes/New", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The route of every page marked <c>[PersonPage(Records = true)]</c> whose address names only the person.</summary>
    private static readonly string[] AllocationForms = ["/Allocate", "/Transfer", "/ReviewingOfficer", "/Referral/NoFurtherAction"];

    private async Task<IReadOnlyList<string>> RecordingFormsAsync()
    {
        var loader = Factory.Services.GetRequiredService<PageLoader>();
        var forms = new List<string>();
        foreach (var descriptor in Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
        {
            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var template = page.AttributeRouteInfo?.Template;
            if (page.HandlerTypeInfo.GetCustomAttribute<PersonPageAttribute>() is { Records: true } && template is not null
                && template.Count(c => c == '{') == 1 && template.Contains("{id:guid}", StringComparison.Ordinal))
            {
                forms.Add(template);
            }
        }

        return forms;
    }
}
