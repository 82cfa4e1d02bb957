using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildrenServices.Web.Infrastructure;

/// <summary>
/// Binds a GOV.UK date input (Name.Day, Name.Month, Name.Year) to a DateOnly. All three blank is
/// "no date"; anything else that is not a real date is a field error, and the typed parts stay in
/// ModelState so the form shows them again.
/// </summary>
public sealed partial class GovUkDateModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var day = Part(bindingContext, name, "Day");
        var month = Part(bindingContext, name, "Month");
        var year = Part(bindingContext, name, "Year");

        if (day is null && month is null && year is null)
        {
            // A plain ISO value (from a query string, say) still binds.
            var plain = bindingContext.ValueProvider.GetValue(name).FirstValue;
            if (!string.IsNullOrWhiteSpace(plain) && DateOnly.TryParseExact(plain, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                bindingContext.Result = ModelBindingResult.Success(iso);
                return Task.CompletedTask;
            }

            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        var label = Humanise(bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.PropertyName ?? "The date");
        string? error = null;
        if (day is null || month is null || year is null)
        {
            var missing = new[] { ("day", day), ("month", month), ("year", year) }.Where(p => p.Item2 is null).Select(p => p.Item1);
            error = $"{label} must include a {string.Join(" and ", missing)}";
        }
        else if (!int.TryParse(day, out var d) || !int.TryParse(month, out var m) || !int.TryParse(year, out var y))
        {
            error = $"{label} must be a real date, written in numbers";
        }
        else if (y < 1000 || y > 9999)
        {
            error = $"{label} year must include 4 numbers";
        }
        else if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            error = $"{label} must be a real date";
        }
        else
        {
            bindingContext.Result = ModelBindingResult.Success(new DateOnly(y, m, d));
            return Task.CompletedTask;
        }

        bindingContext.ModelState.TryAddModelError(name, error);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    private static string? Part(ModelBindingContext context, string name, string part)
    {
        var key = $"{name}.{part}";
        var value = context.ValueProvider.GetValue(key);
        if (value == ValueProviderResult.None)
        {
            return null;
        }

        context.ModelState.SetModelValue(key, value);
        var text = value.FirstValue?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>"DateOfBirth" → "Date of birth".</summary>
    public static string Humanise(string propertyName)
    {
        var words = Words().Replace(propertyName, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}

public sealed class GovUkDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new GovUkDateModelBinder() : null;
}
