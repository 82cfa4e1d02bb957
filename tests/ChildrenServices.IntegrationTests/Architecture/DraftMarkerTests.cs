using System.Reflection;
using System.Text.RegularExpressions;
using ChildrenServices.Domain.Drafts;
using ChildrenServices.Web.Infrastructure;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// Every long practitioner form keeps a server-side draft (ADR 0010), so a new one cannot forget: its page
/// model is marked <see cref="KeepsDraftAttribute"/>, its form carries data-form-draft, and it shows the
/// restored draft and the "Draft saved at" status. Any practitioner page with a text area must be one of them
/// or say here why not.
/// </summary>
public sealed partial class DraftMarkerTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>The long forms (issue 10) and what governs access to their drafts.</summary>
    private static readonly (string Page, DraftScope Scope)[] Forms =
    [
        ("/People/NewNote", DraftScope.Person),
        ("/People/Assessment/Edit", DraftScope.Person),
        ("/People/ChildInNeed/Index", DraftScope.Person),
        ("/People/ChildInNeed/Review", DraftScope.Person),
        ("/People/ChildInNeed/End", DraftScope.Person),
        ("/People/ChildProtection/Strategy", DraftScope.Person),
        ("/People/ChildProtection/Section47", DraftScope.Person),
        ("/People/ChildProtection/Conference", DraftScope.Person),
        ("/People/ChildProtection/TransferIn", DraftScope.Person),
        ("/People/ChildProtection/CoreGroup", DraftScope.Person),
        ("/People/ChildProtection/Review", DraftScope.Person),
        ("/People/ChildProtection/End", DraftScope.Person),
        ("/People/LookedAfter/Review", DraftScope.Person),
        ("/People/Close", DraftScope.Person),
        ("/People/StepDown", DraftScope.Person),
        ("/People/Referral/NoFurtherAction", DraftScope.Person),
        ("/People/PreProceedings/Index", DraftScope.Person),
        ("/People/PreProceedings/Letter", DraftScope.Person),
        ("/People/PreProceedings/Fgdm", DraftScope.Person),
        ("/People/PreProceedings/Meeting", DraftScope.Person),
        ("/People/PreProceedings/Decision", DraftScope.Person),
        ("/People/Corrections/Date", DraftScope.Person),
        ("/EarlyHelp/Episodes/Assessment", DraftScope.Episode),
        ("/EarlyHelp/Episodes/Goal", DraftScope.Episode),
        ("/EarlyHelp/Episodes/Action", DraftScope.Episode),
        ("/EarlyHelp/Episodes/Review", DraftScope.Episode),
        ("/EarlyHelp/Episodes/End", DraftScope.Episode),
        ("/EarlyHelp/Episodes/StepUp", DraftScope.Episode),
        ("/FrontDoor/Contacts/Decision", DraftScope.Contact),
        ("/FrontDoor/Contacts/Consultation", DraftScope.Contact),
        ("/FrontDoor/Contacts/SignOff", DraftScope.Contact),
        ("/Approvals/Decide", DraftScope.Approval),
    ];

    public static TheoryData<string, DraftScope> LongForms
    {
        get
        {
            var data = new TheoryData<string, DraftScope>();
            foreach (var (page, scope) in Forms)
            {
                data.Add(page, scope);
            }

            return data;
        }
    }

    /// <summary>Practitioner pages with a text area that keep no draft, and why.</summary>
    private static readonly Dictionary<string, string> NoDraft = new(StringComparer.Ordinal)
    {
        ["/People/AddRelationship"] = "a line about a relationship, not a composed piece of writing",
        ["/People/Note"] = "an addendum: a line or two beneath a saved note",
        ["/People/Transfer"] = "a short reason for moving the case",
        ["/Transfers/Decline"] = "a short reason for declining a transfer",
        ["/FrontDoor/Checks/Request"] = "what is asked of a partner agency: a line or two",
        ["/FrontDoor/Checks/Response"] = "a partner agency's reply, pasted in whole",
        ["/FrontDoor/Checks/Outcome"] = "a short summary of the checks",
        ["/People/Reason"] = "a line saying why a record must be read (need to know), before anything of it is shown",
    };

    [GeneratedRegex(@"^@model\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModelLine();

    private static string PagesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var pages = Path.Combine(dir.FullName, "src", "ChildrenServices.Web", "Pages");
            if (Directory.Exists(pages))
            {
                return pages;
            }
        }

        throw new DirectoryNotFoundException("src/ChildrenServices.Web/Pages");
    }

    private static string Source(string page) => File.ReadAllText(Path.Combine(PagesFolder(), page.TrimStart('/') + ".cshtml"));

    [Theory]
    [MemberData(nameof(LongForms))]
    public void LongForm_KeepsADraft(string page, DraftScope scope)
    {
        var source = Source(page);
        var model = Web.GetType(ModelLine().Match(source).Groups[1].Value, throwOnError: true)!;

        Assert.Equal(scope, model.GetCustomAttribute<KeepsDraftAttribute>()?.Scope);
        Assert.True(typeof(FormPageModel).IsAssignableFrom(model), $"{page}: drafts are kept by FormPageModel");
        Assert.Contains("data-form-draft=\"@Model.DraftUrl\"", source, StringComparison.Ordinal);
        Assert.Contains("<partial name=\"_DraftRestored\" model=\"Model\" />", source, StringComparison.Ordinal);
        Assert.Contains("<partial name=\"_DraftStatus\" model=\"Model\" />", source, StringComparison.Ordinal);

        // The status line sits inside the marked form, so the script finds it there.
        var form = source.IndexOf("data-form-draft", StringComparison.Ordinal);
        var status = source.IndexOf("_DraftStatus", StringComparison.Ordinal);
        Assert.True(status > form && source.IndexOf("</form>", form, StringComparison.Ordinal) > status, $"{page}: the draft status belongs inside the form");
    }

    [Fact]
    public void EveryPractitionerPageWithATextArea_KeepsADraft_OrSaysWhyNot()
    {
        var root = PagesFolder();
        var longForms = Forms.Select(f => f.Page).ToHashSet(StringComparer.Ordinal);
        var withTextAreas = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_') && File.ReadAllText(f).Contains("<govuk-textarea", StringComparison.Ordinal))
            .Select(f => "/" + Path.GetRelativePath(root, f)[..^".cshtml".Length].Replace('\\', '/'))

            // The public online request keeps its own anonymous draft (ADR 0008).
            .Where(p => !p.StartsWith("/Request/", StringComparison.Ordinal))
            .ToList();

        var forgotten = withTextAreas.Where(p => !longForms.Contains(p) && !NoDraft.ContainsKey(p)).ToList();

        Assert.NotEmpty(withTextAreas);
        Assert.True(forgotten.Count == 0, $"Long forms with no draft: {string.Join(", ", forgotten)}. Mark them [KeepsDraft] (ADR 0010), or add them to NoDraft with the reason.");
    }
}
