using System.Globalization;

namespace ChildrenServices.Web.Pages.Performance;

/// <summary>
/// A bar chart drawn on the server as SVG (no script, nothing for the content security policy to refuse), always shown
/// beside the table that holds the same figures: the table is what a screen reader reads and what an officer copies, so
/// the chart is one image with a title saying so. <see cref="Columns"/> draws a series left to right (month ends,
/// durations); otherwise each bar has its label above it, for long names.
/// </summary>
/// <param name="Id">Unique on the page; the SVG's title and description take their ids from it.</param>
/// <param name="Title">What the chart shows, read as the image's name.</param>
/// <param name="TableName">The caption of the table beside it, which the description points to.</param>
/// <param name="Bars">The bars, in order.</param>
/// <param name="Columns">A series of upright columns rather than labelled bars across.</param>
/// <param name="Max">The scale's top (100 for percentages); otherwise a round number at or above the largest bar.</param>
public sealed record Chart(string Id, string Title, string TableName, IReadOnlyList<Chart.Bar> Bars, bool Columns = false, double? Max = null)
{
    /// <summary>Width of the drawing in its own units; it scales to the column it sits in.</summary>
    public const double Width = 480;

    /// <summary>The bar's label, its value, and the value as the table writes it (shown at the bar's end).</summary>
    public sealed record Bar(string Label, double Value, string Text);

    public double Top => Max ?? NiceCeiling(Bars.Count == 0 ? 0 : Bars.Max(b => b.Value));

    /// <summary>Four equal steps up the scale, for the grid lines and the axis.</summary>
    public IReadOnlyList<double> Ticks => [.. Enumerable.Range(0, 5).Select(i => Top * i / 4)];

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "N0" : "N1", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A coordinate in SVG's invariant form.</summary>
    public static string At(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    // Columns: the plot area inside the drawing.
    public const double AxisWidth = 48;
    public const double PlotTop = 10;
    public const double PlotHeight = 200;
    public const double ColumnsHeight = PlotTop + PlotHeight + 40;

    public double Slot => (Width - AxisWidth - 4) / Math.Max(1, Bars.Count);

    public double ColumnX(int index) => AxisWidth + (index * Slot) + (Slot * 0.15);

    public double ColumnWidth => Slot * 0.7;

    public double ColumnHeight(double value) => Top <= 0 ? 0 : PlotHeight * Math.Max(0, value) / Top;

    public double TickY(double tick) => PlotTop + PlotHeight - ColumnHeight(tick);

    /// <summary>Every n-th column is labelled below the axis, so labels never overlap.</summary>
    public int LabelEvery => Math.Max(1, (int)Math.Ceiling(LabelRoom / Slot));

    /// <summary>Room for one label under the columns ("Sept 26" at 14px), so the labels shown never touch.</summary>
    public const double LabelRoom = 64;

    // Bars across: a label line, then the bar with its value at the end.
    public const double Row = 46;
    public const double BarHeight = 18;
    public const double ValueRoom = 64;

    public double AcrossHeight => (Bars.Count * Row) + 4;

    public double BarLength(double value) => Top <= 0 ? 0 : (Width - ValueRoom) * Math.Max(0, value) / Top;

    public double Height => Columns ? ColumnsHeight : AcrossHeight;

    /// <summary>Four times the smallest step of 1, 2 or 5 times a power of ten that reaches <paramref name="value"/>, so each of the four grid steps is a round number.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var quarter = value / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(quarter)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= quarter);
        return Math.Ceiling(step) * 4;
    }
}
