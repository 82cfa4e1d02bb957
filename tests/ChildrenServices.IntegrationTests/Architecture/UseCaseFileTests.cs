using System.Reflection;
using System.Text.RegularExpressions;
using ChildrenServices.Application.Security;
using Mediator;

namespace ChildrenServices.IntegrationTests.Architecture;

/// <summary>
/// "A file declares one use case and is named after it." A use case is a top-level static class in the
/// Application assembly with a nested Mediator handler (its Command or Query, Validator and Handler live
/// inside it), found by reflection; the files are read from the repository's src folder. Anything else in
/// Application (input records, shared rules, loaders) is not a use case and may sit in a file of its own name.
/// </summary>
public sealed partial class UseCaseFileTests
{
    private static readonly Assembly Application = typeof(RecordAccess).Assembly;

    /// <summary>Every use case class: static, top-level, with a nested type implementing a Mediator handler interface.</summary>
    public static IReadOnlyList<Type> UseCases { get; } =
        [.. Application.GetTypes().Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false } && t.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Any(IsHandler))];

    private static string SourceFolder { get; } = FindSourceFolder();

    [Fact]
    public void UseCases_AreFoundByReflection_AndEachIsDeclaredInTheSource()
    {
        Assert.True(UseCases.Count >= 100, $"Expected the application's use cases, found {UseCases.Count}");
        var declared = Declarations().Select(d => (d.Namespace, d.Name)).ToHashSet();

        Assert.Empty(UseCases.Where(u => !declared.Contains((u.Namespace!, u.Name))).Select(u => u.FullName));
    }

    [Fact]
    public void EachFile_DeclaresAtMostOneUseCase()
    {
        var useCases = UseCases.Select(u => (u.Namespace!, u.Name)).ToHashSet();

        var crowded = Declarations()
            .Where(d => useCases.Contains((d.Namespace, d.Name)))
            .GroupBy(d => d.File)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} declares {g.Count()} use cases: {string.Join(", ", g.Select(d => d.Name))}")
            .Order();

        Assert.True(!crowded.Any(), string.Join(Environment.NewLine, crowded));
    }

    [Fact]
    public void EachUseCase_IsInAFileNamedAfterIt()
    {
        var useCases = UseCases.Select(u => (u.Namespace!, u.Name)).ToHashSet();

        var misnamed = Declarations()
            .Where(d => useCases.Contains((d.Namespace, d.Name)) && Path.GetFileNameWithoutExtension(d.File) != d.Name)
            .Select(d => $"{d.Name} is declared in {d.File}, not {d.Name}.cs")
            .Order();

        Assert.True(!misnamed.Any(), string.Join(Environment.NewLine, misnamed));
    }

    /// <summary>The rule reads real files: a file with two use cases, or a misnamed one, is caught.</summary>
    [Fact]
    public void TheDeclarationReader_FindsEveryTopLevelTypeOfAFile()
    {
        const string source = """
            using Mediator;

            namespace ChildrenServices.Application.Example;

            /// <summary>One.</summary>
            public static class RecordThing
            {
                public sealed record Command : ICommand;

                public sealed class Handler : ICommandHandler<Command>
                {
                }
            }

            [SomeAttribute]
            public static partial class ListThings
            {
                internal static class Nested
                {
                }
            }

            internal sealed record ThingRow(Guid Id);
            """;

        Assert.Equal(
            [("ChildrenServices.Application.Example", "RecordThing"), ("ChildrenServices.Application.Example", "ListThings"), ("ChildrenServices.Application.Example", "ThingRow")],
            Read("Example/Things.cs", source).Select(d => (d.Namespace, d.Name)));
    }

    private static bool IsHandler(Type type) =>
        !type.IsInterface && type.GetInterfaces().Any(i => i.IsGenericType && i.Assembly == typeof(IMediator).Assembly && i.Name.Contains("Handler", StringComparison.Ordinal));

    private sealed record Declaration(string File, string Namespace, string Name);

    /// <summary>The top-level types each Application source file declares (file-scoped namespaces, so at the start of a line).</summary>
    private static IEnumerable<Declaration> Declarations() =>
        Directory.EnumerateFiles(SourceFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SourceFolder, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
            .SelectMany(file => Read(file, File.ReadAllText(Path.Combine(SourceFolder, file))));

    private static IEnumerable<Declaration> Read(string file, string source)
    {
        var ns = FileScopedNamespace().Match(source);
        Assert.True(ns.Success, $"{file} has no file-scoped namespace; the rule reads top-level types at the start of a line");
        return TopLevelType().Matches(source).Select(m => new Declaration(file, ns.Groups[1].Value, m.Groups[1].Value));
    }

    private static string FindSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ChildrenServices.Application");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No src/ChildrenServices.Application above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly)\s+)*(?:class|record\s+struct|record\s+class|record|interface|enum|struct)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
