using System.Net;
using ChildrenServices.Application.Security;
using ChildrenServices.IntegrationTests.Infrastructure;
using static ChildrenServices.IntegrationTests.Pages.PageHelpers;

namespace ChildrenServices.IntegrationTests.Accounts;

/// <summary>Issue 15, knowing who did what: the security log's events, each with user, address and correlation id, and the request log.</summary>
public sealed class SecurityLogTests(AppFactory factory) : IntegrationTest(factory)
{
    private IReadOnlyList<string> Security => [.. Factory.Logs.Entries.Where(e => e.Category == "ChildrenServices.Security").Select(e => e.Message)];

    [Fact]
    public async Task A_page_refused_by_its_policy_is_an_authz_fail_naming_who_and_the_correlation()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var response = await ClientFor(worker).GetAsync("/Admin/Users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = Assert.Single(Security, m => m.Contains("authz_fail", StringComparison.Ordinal));
        Assert.Contains("/Admin/Users", line, StringComparison.Ordinal);
        Assert.Contains(worker.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("correlation ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_refused_to_someone_not_holding_it_is_an_authz_fail()
    {
        var manager = await CreateUserAsync(Roles.TeamManager, "Sam Patel");
        var holder = await CreateUserAsync(Roles.SocialWorker, "Grace Okafor-Lyle");
        var other = await CreateUserAsync(Roles.SocialWorker, "Lewis Dawes");
        await CreateTeamAsync(manager, "Assessment", holder, other);
        var child = await CreateChildAsync(manager);
        await AllocateAsync(manager, child, holder);

        var response = await ClientFor(other).GetAsync($"/People/{child}/Edit", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = Assert.Single(Security, m => m.Contains("authz_fail", StringComparison.Ordinal));
        Assert.Contains(other.ToString(), line, StringComparison.Ordinal);
        Assert.DoesNotContain("Riley", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_logged()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        var response = await ClientFor(worker).PostAsync("/Account/ChangePassword", new FormUrlEncodedContent([F("Input.CurrentPassword", "x")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Security, m => m.Contains("input_validation_fail", StringComparison.Ordinal) && m.Contains("antiforgery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_failures_and_successes_are_logged_without_the_email_or_password()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");
        var email = await EmailOfAsync(worker);

        await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", email), F("Input.Password", "a wrong guess here")]);
        await PostFormAsync(AnonymousClient(), "/Account/SignIn", [F("Input.Email", email), F("Input.Password", Password)]);

        Assert.Contains(Security, m => m.Contains("authn_login_fail", StringComparison.Ordinal));
        Assert.Contains(Security, m => m.Contains("authn_login_success", StringComparison.Ordinal) && m.Contains(worker.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains(email, StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("a wrong guess here", StringComparison.Ordinal) || e.Message.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_log_writes_each_request_with_its_path_and_never_its_query()
    {
        var worker = await CreateUserAsync(Roles.SocialWorker, "Sam Worker");

        await ClientFor(worker).GetAsync("/Admin/Users?name=Riley", TestContext.Current.CancellationToken);
        await ClientFor(worker).GetAsync("/MyWork", TestContext.Current.CancellationToken);

        var line = Assert.Single(Factory.Logs.Entries, e => e.Category == "ChildrenServices.Requests" && e.Message.Contains("/MyWork", StringComparison.Ordinal));
        Assert.Contains("HTTP GET /MyWork responded 200", line.Message, StringComparison.Ordinal);
        Assert.Contains(worker.ToString(), line.Message, StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Entries, e => e.Category == "ChildrenServices.Requests" && e.Message.Contains("/Admin/Users responded 403", StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains("Riley", StringComparison.Ordinal));
    }
}
