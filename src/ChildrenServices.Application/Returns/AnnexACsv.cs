using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Writes Annex A as one CSV file per list (List_1_Contacts.csv …) in one zip, each list straight into its zip entry as its
/// rows stream past (the lists come one after another, so nothing is held in memory). RFC 4180: comma-separated, CRLF line
/// ends, a field quoted when it holds a comma, quote or line break, quotes doubled. Dates are dd/MM/yyyy, as Ofsted's
/// template and the DfE's CSV returns write them. UTF-8 with a byte order mark, so a spreadsheet opening the file reads
/// Ofsted's typographic apostrophes ("Child’s disability") rightly.
/// </summary>
public static class AnnexACsv
{
    /// <summary>Writes the lists into a zip on <paramref name="output"/>; returns each list's number of rows.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> WriteAsync(
        Stream output, IEnumerable<(AnnexA.ListSpec List, IAsyncEnumerable<object?[]> Rows)> lists, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (list, rows) in lists)
        {
            var entry = zip.CreateEntry(list.CsvName, CompressionLevel.Optimal);
            await using var stream = await entry.OpenAsync(ct);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\r\n" };
            await writer.WriteLineAsync(Csv.Line(list.Columns.Select(c => c.Heading)));
            var count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                await writer.WriteLineAsync(Csv.Line(row.Select(Cell)));
                count++;
            }

            counts[list.Number] = count;
        }

        return counts;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        string text => Csv.FormulaSafe(text),
        _ => Csv.FormulaSafe(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
