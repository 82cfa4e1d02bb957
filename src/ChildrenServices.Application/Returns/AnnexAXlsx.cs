using System.Globalization;
using System.Xml;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ChildrenServices.Application.Returns;

/// <summary>
/// Writes Annex A as one Excel workbook: a worksheet per list named "List 1" … "List 8", Ofsted's headings in bold on the
/// first row (frozen), one row per item below, written with SpreadCheetah (the library the other Excel downloads use) as
/// the rows stream past, so memory stays flat whatever the council's size.
/// </summary>
/// <remarks>
/// Dates are real dates (a serial number shown as dd/mm/yyyy), not text: Ofsted's template and ChAT, which reads Annex A,
/// work out ages and durations from them, and an inspector can sort and filter by them.
/// </remarks>
public static class AnnexAXlsx
{
    /// <summary>Writes the workbook to <paramref name="output"/>; returns each list's number of rows.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> WriteAsync(
        Stream output, IReadOnlyList<(AnnexA.ListSpec List, IAsyncEnumerable<object?[]> Rows)> lists, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        var options = new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("dd/mm/yyyy") };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, ct);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        foreach (var (list, rows) in lists)
        {
            var sheet = new WorksheetOptions { FrozenRows = 1 };
            for (var i = 0; i < list.Columns.Count; i++)
            {
                var column = list.Columns[i];
                sheet.Column(i + 1).Width = column.Kind == AnnexA.CellKind.Date ? 14 : Math.Round(Math.Clamp(column.Heading.Length * 0.9, 12, 40), 1);
            }

            await spreadsheet.StartWorksheetAsync(list.SheetName, sheet, ct);
            await spreadsheet.AddRowAsync([.. list.Columns.Select(c => new Cell(c.Heading, bold))], ct);
            var count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                count++;
                await spreadsheet.AddRowAsync([.. row.Select(CellFor)], ct);
            }

            counts[list.Number] = count;
        }

        await spreadsheet.FinishAsync(ct);
        return counts;
    }

    private static Cell CellFor(object? value) => value switch
    {
        null => new Cell((string?)null),
        DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue)),
        int n => new Cell(n),
        _ => new Cell(Clean(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)),
    };

    /// <summary>Characters XML cannot carry (a control character pasted into a name) are dropped rather than breaking the file.</summary>
    private static string Clean(string value) => value.Any(c => !XmlConvert.IsXmlChar(c)) ? new string([.. value.Where(XmlConvert.IsXmlChar)]) : value;
}
