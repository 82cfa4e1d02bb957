namespace ChildrenServices.Application;

/// <summary>
/// One CSV line as every download writes it (RFC 4180): cells joined by commas, a cell holding a comma, quote or line
/// break quoted with its quotes doubled, a null cell blank; and, for text a person typed, the apostrophe that stops a
/// spreadsheet running it as a formula (CSV injection).
/// </summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Quote));

    public static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;

    /// <summary>Text starting with a formula character (=, +, -, @, a tab or a carriage return) prefixed with an apostrophe.</summary>
    public static string? FormulaSafe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
