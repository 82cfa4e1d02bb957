using System.Globalization;
using ChildrenServices.Application;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>A table as an officer downloads it: a name, its column headings and its rows (text, numbers or dates; null for blank).</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// A table written as CSV straight to the response, as spreadsheets read it: UTF-8 with a byte order mark, CRLF, quoted
/// where needed, dates as yyyy-mm-dd. Text starting with a formula character is prefixed with an apostrophe so a
/// spreadsheet never runs it (CSV injection); numbers are written as they are.
/// </summary>
public sealed class CsvResult(string fileName, ExportTable table) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', table.Headers.Select(Text)));
        foreach (var row in table.Rows)
        {
            await writer.WriteLineAsync(string.Join(',', row.Select(Value)));
        }
    }

    private static string Value(object? value) => value switch
    {
        null => string.Empty,
        int n => n.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Text(string text) => Csv.Quote(Csv.FormulaSafe(text));
}

/// <summary>Tables written as an Excel workbook, one worksheet each, streamed to the response as it is made (SpreadCheetah).</summary>
public sealed class XlsxResult(string fileName, IReadOnlyList<ExportTable> tables) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // The rows go out as they are written; only finishing the workbook (the zip's directory) writes synchronously, so
        // this one response allows it rather than buffering the whole workbook.
        context.HttpContext.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        var options = new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Standard(StandardNumberFormat.ShortDate) };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(response.Body, options, ct);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        foreach (var table in tables)
        {
            await spreadsheet.StartWorksheetAsync(table.Name, token: ct);
            await spreadsheet.AddRowAsync([.. table.Headers.Select(h => new Cell(h, bold))], ct);
            foreach (var row in table.Rows)
            {
                await spreadsheet.AddRowAsync([.. row.Select(CellFor)], ct);
            }
        }

        await spreadsheet.FinishAsync(ct);
    }

    private static Cell CellFor(object? value) => value switch
    {
        null => new Cell((string?)null),
        int n => new Cell(n),
        double x => new Cell(x),
        DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue)),
        _ => new Cell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
