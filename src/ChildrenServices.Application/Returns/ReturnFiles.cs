using System.Globalization;
using System.Runtime.CompilerServices;
using ChildrenServices.Domain.Common;

namespace ChildrenServices.Application.Returns;

/// <summary>What every return's file has in common: made where only this account can read it, and refused with errors outstanding unless confirmed.</summary>
public static class ReturnFiles
{
    /// <summary>A new file readable and writable by this account only: a return holds every child in it.</summary>
    public static FileStream CreatePrivate(string path)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, create);
    }

    /// <summary>A path for a new file in the temporary folder, named for the return and year.</summary>
    public static string TemporaryPath(string name, string extension) =>
        Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.{extension}");

    /// <summary>Refuses a file with errors outstanding unless the officer confirmed them.</summary>
    /// <param name="what">The return, as the message names it ("census", "return").</param>
    public static void RefuseUnconfirmedErrors(int errors, bool confirmed, string what, string field)
    {
        if (errors > 0 && !confirmed)
        {
            throw new DomainRuleException(
                $"The {what} has {errors.ToString("N0", CultureInfo.InvariantCulture)} {(errors == 1 ? "error" : "errors")} outstanding: put them right, or confirm that it should be downloaded with them",
                field);
        }
    }

    /// <summary>
    /// A return's children read a batch at a time: the ids (in the return's order) cut into batches of
    /// <paramref name="size"/>, each read by <paramref name="batch"/> in a handful of statements, so memory holds one batch.
    /// </summary>
    public static async IAsyncEnumerable<T> InBatchesAsync<T>(
        IReadOnlyList<Guid> ids, int size, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<IReadOnlyList<T>>> batch, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(size))
        {
            foreach (var item in await batch(chunk, ct))
            {
                yield return item;
            }
        }
    }
}
