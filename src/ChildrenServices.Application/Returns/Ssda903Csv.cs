using System.Globalization;
using System.IO.Compression;
using System.Text;
using ChildrenServices.Domain.Returns;
using ChildrenServices.Domain.Returns.Ssda903;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Writes the SSDA903 return as the DfE's CSV files, with the file and column names of the DfE's 903 specification and its
/// public validator (../shared/reference/dfe/ssda903.md, section 3.1): every file in one zip, child by child as they are
/// read. Each file is written to a file of its own as the children stream past, then the files are put in the zip, so
/// nothing is held in memory whatever the council's size. Dates are dd/mm/yyyy.
/// </summary>
/// <remarks>
/// OC2 (health and offending of children looked after for a year), OC3 (care leavers), AD1 (adoptions) and
/// PlacedAdoption (decisions to place for adoption) hold what the product records of them: it does not yet record
/// their items, so they are written with their columns and no rows, and the page says so (<see cref="Gaps"/>).
/// </remarks>
public static class Ssda903Csv
{
    /// <summary>One of the return's files: its name in the zip and its columns in order.</summary>
    public sealed record FileSpec(string Name, IReadOnlyList<string> Columns);

    public static readonly FileSpec Header = new("header.csv", ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]);

    public static readonly FileSpec Episodes = new("episodes.csv",
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]);

    public static readonly FileSpec Reviews = new("reviews.csv", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]);

    public static readonly FileSpec Uasc = new("uasc.csv", ["CHILD", "SEX", "DOB", "DUC"]);

    public static readonly FileSpec Oc2 = new("oc2.csv",
        ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]);

    public static readonly FileSpec Oc3 = new("oc3.csv", ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]);

    public static readonly FileSpec Ad1 = new("ad1.csv", ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]);

    public static readonly FileSpec PlacedAdoption = new("placed_for_adoption.csv", ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]);

    public static readonly FileSpec PreviousPermanence = new("previous_permanence.csv", ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]);

    public static readonly FileSpec Missing = new("missing.csv", ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]);

    public static readonly FileSpec SocialWorkerEpisodes = new("sw_episodes.csv", ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]);

    public static readonly FileSpec LibertyOrders = new("dolo.csv", ["CHILD", "DOB", "DOLO_START", "DOLO_END"]);

    /// <summary>The files the product does not yet fill: written with their columns only, and named on the page.</summary>
    public static IReadOnlyList<FileSpec> Gaps { get; } = [Oc2, Oc3, Ad1, PlacedAdoption];

    /// <summary>The files for a year, in the zip's order: DoLo from 2026/27.</summary>
    public static IReadOnlyList<FileSpec> FilesFor(CollectionYear year) =>
        [Header, Episodes, Reviews, Uasc, Oc2, Oc3, Ad1, PlacedAdoption, PreviousPermanence, Missing, SocialWorkerEpisodes,
         .. year.StartYear >= Ssda903Reader.FirstYearOfLibertyOrders ? new[] { LibertyOrders } : []];

    /// <summary>Writes the zip of the year's files to <paramref name="output"/> as the children stream past.</summary>
    public static async Task WriteAsync(Stream output, CollectionYear year, IAsyncEnumerable<LacChild> children, CancellationToken ct)
    {
        var files = FilesFor(year);
        var folder = Directory.CreateTempSubdirectory("ssda903-");
        try
        {
            var writers = files.ToDictionary(f => f, f => Open(Path.Combine(folder.FullName, f.Name)));
            try
            {
                foreach (var (spec, writer) in writers)
                {
                    await Row(writer, spec.Columns);
                }

                await foreach (var child in children.WithCancellation(ct))
                {
                    await ChildAsync(writers, year, child);
                }
            }
            finally
            {
                foreach (var writer in writers.Values)
                {
                    await writer.DisposeAsync();
                }
            }

            await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var spec in files)
            {
                var entry = zip.CreateEntry(spec.Name, CompressionLevel.Optimal);
                await using var into = await entry.OpenAsync(ct);
                await using var from = new FileStream(Path.Combine(folder.FullName, spec.Name), FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await from.CopyToAsync(into, ct);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Readable by this account only, like the zip: they hold every looked-after child in the council.
    private static StreamWriter Open(string path) => new(ReturnFiles.CreatePrivate(path), new UTF8Encoding(false)) { NewLine = "\r\n" };

    private static async Task ChildAsync(Dictionary<FileSpec, StreamWriter> files, CollectionYear year, LacChild child)
    {
        var id = child.LocalId;
        var dob = Date(child.BirthDate);
        await Row(files[Header], id, child.Sex, dob, child.Ethnicity, child.Upn, Flag(child.IsMother), Date(child.FirstChildBorn));

        foreach (var e in child.EpisodesIn(year))
        {
            await Row(files[Episodes], id, Date(e.Start), e.Rne, e.LegalStatus, e.CategoryOfNeed, e.Place, e.Provider, Date(e.End), e.ReasonCeased,
                e.ReasonPlaceChange, e.HomePostcode, e.PlacementPostcode, e.Urn);
        }

        foreach (var r in child.Reviews)
        {
            await Row(files[Reviews], id, dob, Date(r.Date), r.ParticipationCode);
        }

        if (child.Uasc)
        {
            await Row(files[Uasc], id, child.Sex, dob, Date(child.UascCeased));
        }

        if (child.PreviousPermanence is { } p)
        {
            await Row(files[PreviousPermanence], id, dob, p.Option, p.LocalAuthority, p.OrderDate);
        }

        foreach (var m in child.Missing)
        {
            await Row(files[Missing], id, dob, m.Type, Date(m.Start), Date(m.End));
        }

        foreach (var s in child.SocialWorkerEpisodes)
        {
            await Row(files[SocialWorkerEpisodes], id, dob, s.SocialWorkerId, Date(s.Start), Date(s.End), s.Reason);
        }

        if (files.TryGetValue(LibertyOrders, out var dolo))
        {
            foreach (var o in child.LibertyOrders)
            {
                await Row(dolo, id, dob, Date(o.Start), Date(o.End));
            }
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string? Flag(bool? value) => value switch { true => "1", false => "0", null => null };

    // The DfE's codes and dates only: no typed text, so no formula guard (it would change a value the DfE checks).
    private static Task Row(StreamWriter writer, params IReadOnlyList<string?> cells) => writer.WriteLineAsync(Csv.Line(cells));
}
