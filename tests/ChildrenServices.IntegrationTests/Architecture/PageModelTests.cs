using System.Reflection;
using System.Text.RegularExpressions;
using ChildrenServices.IntegrationTests.Infrastructure;
using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// Small page models (docs/architecture.md, ADR 0021): each is at most one base class of ours away from
/// PageModel, lives in the .cshtml.cs beside its page, and every page under /People has the person filter,
/// which loads the identity bar and refuses a non-holder, put there by folder convention.
/// </summary>
public sealed partial class PageModelTests(AppFactory factory)
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IReadOnlyList<Type> PageModels { get; } =
        [.. Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && t != typeof(PageModel))];

    [Fact]
    public void PageModels_AreAtMostOneBaseClassFromPageModel()
    {
        var tooDeep = PageModels.Where(t => !t.IsAbstract).Select(t => (Type: t, Between: BasesBetween(t))).Where(p => p.Between.Count > 1)
            .Select(p => $"{p.Type.FullName} : {string.Join(" : ", p.Between.Select(b => b.Name))} : PageModel");

        Assert.True(PageModels.Count > 100, $"Expected the application's page models, found {PageModels.Count}");
        Assert.Empty(tooDeep);
    }

    [Fact]
    public async Task PageModels_AreEachDeclaredInTheCshtmlCsBesideTheirPage()
    {
        var web = WebSourceFolder();
        var pages = await CompiledPagesAsync();
        var sources = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: path, Text: File.ReadAllText(path), Namespace: NamespaceLine().Match(File.ReadAllText(path)).Groups[1].Value))
            .ToList();

        var problems = new List<string>();
        foreach (var (path, text, ns) in sources)
        {
            var declared = PageModels.Where(t => t.Namespace == ns && Regex.IsMatch(text, $@"\bclass\s+{Regex.Escape(t.Name.Split('`')[0])}\b")).ToList();
            if (declared.Count > 1)
            {
                problems.Add($"{Relative(web, path)} declares {declared.Count} page models: {string.Join(", ", declared.Select(t => t.Name))}");
            }
        }

        foreach (var page in pages.Where(p => p.HandlerTypeInfo.Assembly == Web))
        {
            var expected = Path.GetFullPath(Path.Combine(web, page.RelativePath.TrimStart('/') + ".cs"));
            var declaredIn = sources.Where(s => s.Namespace == page.HandlerTypeInfo.Namespace && Regex.IsMatch(s.Text, $@"\bclass\s+{page.HandlerTypeInfo.Name}\b")).Select(s => s.Path).ToList();
            if (declaredIn.Count != 1 || Path.GetFullPath(declaredIn[0]) != expected)
            {
                problems.Add($"{page.HandlerTypeInfo.FullName} (the model of {page.RelativePath}) is declared in {string.Join(", ", declaredIn.Select(p => Relative(web, p)).DefaultIfEmpty("no file"))}, not in {Relative(web, expected)}");
            }
        }

        // The one base class a page may have lives in a file of its own name, so it is found by name too.
        var everywhere = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Relative(web, path).StartsWith("obj/", StringComparison.Ordinal) && !Relative(web, path).StartsWith("bin/", StringComparison.Ordinal))
            .Select(path => (Path: path, Text: File.ReadAllText(path), Namespace: NamespaceLine().Match(File.ReadAllText(path)).Groups[1].Value))
            .ToList();
        foreach (var shared in PageModels.Where(t => t.IsAbstract))
        {
            var file = everywhere.Where(s => s.Namespace == shared.Namespace && Regex.IsMatch(s.Text, $@"\bclass\s+{shared.Name.Split('`')[0]}\b")).Select(s => Path.GetFileName(s.Path)).ToList();
            if (file.Count != 1 || file[0] != shared.Name.Split('`')[0] + ".cs")
            {
                problems.Add($"{shared.FullName} is declared in {string.Join(", ", file.DefaultIfEmpty("no file"))}, not in {shared.Name.Split('`')[0]}.cs");
            }
        }

        Assert.True(pages.Count > 100, $"Expected the application's pages, found {pages.Count}");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryPageUnderPeople_HasThePersonFilter_AndNoOtherPageDoes()
    {
        var pages = await CompiledPagesAsync();
        var people = pages.Where(p => p.ViewEnginePath.StartsWith("/People/", StringComparison.Ordinal)).ToList();
        var others = pages.Where(p => !p.ViewEnginePath.StartsWith("/People/", StringComparison.Ordinal)).ToList();

        Assert.True(people.Count > 40, $"Expected the pages about a person, found {people.Count}");
        Assert.Empty(people.Where(p => !p.FilterDescriptors.Any(f => f.Filter is PersonPageFilter)).Select(p => p.ViewEnginePath));
        Assert.Empty(others.Where(p => p.FilterDescriptors.Any(f => f.Filter is PersonPageFilter)).Select(p => p.ViewEnginePath));
    }

    [Fact]
    public async Task ThePersonFilter_RunsInsideTheFiltersThatTurnItsRefusalsIntoPages()
    {
        var record = (await CompiledPagesAsync()).Single(p => p.ViewEnginePath == "/People/Record");
        var ordered = record.FilterDescriptors.OrderBy(f => f.Order).ThenBy(f => f.Scope).Select(f => f.Filter).ToList();

        // What the filter throws (not found, forbidden) must reach the filters that make it a 404, a 403 or a redirect.
        var person = ordered.FindIndex(f => f is PersonPageFilter);
        Assert.True(person > ordered.FindIndex(f => f is UseCaseExceptionFilter), "PersonPageFilter must run inside UseCaseExceptionFilter");
        Assert.True(person > ordered.FindIndex(f => f is MergedRecordRedirect), "PersonPageFilter must run inside MergedRecordRedirect");
    }

    [Fact]
    public void OnlyPagesUnderPeople_AreMarkedAsPersonPages()
    {
        var marked = PageModels.Where(t => t.GetCustomAttribute<PersonPageAttribute>() is not null).ToList();

        Assert.NotEmpty(marked);
        Assert.Empty(marked.Where(t => !(t.Namespace ?? string.Empty).StartsWith("ChildrenServices.Web.Pages.People", StringComparison.Ordinal)).Select(t => t.FullName));
    }

    private async Task<IReadOnlyList<CompiledPageActionDescriptor>> CompiledPagesAsync()
    {
        var descriptors = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var compiled = new List<CompiledPageActionDescriptor>();
        foreach (var descriptor in descriptors)
        {
            compiled.Add(descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty));
        }

        return compiled;
    }

    private static List<Type> BasesBetween(Type page)
    {
        var between = new List<Type>();
        for (var t = page.BaseType; t is not null && t != typeof(PageModel); t = t.BaseType)
        {
            between.Add(t);
        }

        return between;
    }

    private static string WebSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "ChildrenServices.Web");
            if (Directory.Exists(web))
            {
                return web;
            }
        }

        throw new DirectoryNotFoundException("src/ChildrenServices.Web");
    }

    private static string Relative(string web, string path) => Path.GetRelativePath(web, path).Replace('\\', '/');

    [GeneratedRegex(@"^namespace\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
