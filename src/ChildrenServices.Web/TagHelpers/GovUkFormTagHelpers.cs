using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChildrenServices.Web.TagHelpers;

/// <summary>
/// GOV.UK Design System form fields as tag helpers: the markup of govuk-frontend's macros, with the
/// field's error (from ModelState) beside it and the user's own input shown again after an error.
/// </summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;

    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");

    protected ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    protected string? Error
    {
        get
        {
            var errors = ModelState
                .Where(kv => kv.Key == Name || kv.Key.StartsWith(Name + "[", StringComparison.Ordinal) || kv.Key.StartsWith(Name + ".", StringComparison.Ordinal))
                .SelectMany(kv => kv.Value!.Errors)
                .Select(e => e.ErrorMessage)
                .Where(m => !string.IsNullOrEmpty(m))
                .Distinct()
                .ToList();
            return errors.Count == 0 ? null : string.Join(". ", errors);
        }
    }

    /// <summary>What the user typed (after an error) or else the model's value.</summary>
    protected string? CurrentValue(string? key = null)
    {
        key ??= Name;
        if (ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return key == Name ? Format(For.Model) : null;
    }

    protected static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    protected static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    protected string HintHtml(string? describedBy = null) =>
        Hint is null ? string.Empty : $"<div id=\"{describedBy ?? Id + "-hint"}\" class=\"govuk-hint\">{E(Hint)}</div>";

    protected string ErrorHtml(string? error) =>
        error is null ? string.Empty : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>";

    protected string DescribedBy(string? error)
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }

        if (error is not null)
        {
            ids.Add(Id + "-error");
        }

        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected static void Replace(TagHelperOutput output, string html)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(html);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public string Type { get; set; } = "text";

    public string? Width { get; set; }

    public string? Autocomplete { get; set; }

    public bool Spellcheck { get; set; } = true;

    public bool LabelIsHeading { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>A password box is always sent back empty: what was typed never goes into the page.</summary>
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var widthClass = Width is null ? string.Empty : $" govuk-input--width-{Width}";
        var errorClass = error is null ? string.Empty : " govuk-input--error";
        var label = LabelIsHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{E(Label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>";
        var attributes = (Autocomplete is null ? string.Empty : $" autocomplete=\"{E(Autocomplete)}\"")
            + (Spellcheck ? string.Empty : " spellcheck=\"false\"")
            + (Inputmode is null ? string.Empty : $" inputmode=\"{E(Inputmode)}\"");
        Replace(output,
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\">{label}{HintHtml()}{ErrorHtml(error)}" +
            $"<input class=\"govuk-input{widthClass}{errorClass}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\" value=\"{E(Type == "password" ? null : CurrentValue())}\"{DescribedBy(error)}{attributes}></div>");
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public int Rows { get; set; } = 5;

    public int? MaxLength { get; set; }

    /// <summary>On a one-question page the label is the page's h1.</summary>
    public bool LabelIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var label = LabelIsHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{E(Label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>";
        var textarea = $"<textarea class=\"govuk-textarea{(MaxLength is null ? string.Empty : " govuk-js-character-count")}{(error is null ? string.Empty : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy(error)}>{E(CurrentValue())}</textarea>";
        var group = $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\">{label}{HintHtml()}{ErrorHtml(error)}{textarea}";
        Replace(output, MaxLength is { } max
            ? $"<div class=\"govuk-character-count\" data-module=\"govuk-character-count\" data-maxlength=\"{max}\">{group}<div id=\"{Id}-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to {max} characters</div></div></div>"
            : group + "</div>");
    }
}

[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public bool LegendIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var model = For.Model as DateOnly?;
        string Item(string part, string label, string width, int? value)
        {
            var key = $"{Name}.{part}";
            var typed = ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : value?.ToString(CultureInfo.InvariantCulture);
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{ItemId(part)}\">{label}</label>" +
                $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(error is null ? string.Empty : " govuk-input--error")}\" id=\"{ItemId(part)}\" name=\"{E(key)}\" type=\"text\" inputmode=\"numeric\" value=\"{E(typed)}\"></div></div>";
        }

        // The day box carries the field's id, so the error summary's link lands on it.
        string ItemId(string part) => part == "Day" ? Id : $"{Id}_{part}";

        var legend = LegendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(Legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Legend)}</legend>";
        Replace(output,
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy(error)}>{legend}{HintHtml()}{ErrorHtml(error)}" +
            $"<div class=\"govuk-date-input\">{Item("Day", "Day", "2", model?.Day)}{Item("Month", "Month", "2", model?.Month)}{Item("Year", "Year", "4", model?.Year)}</div></fieldset></div>");
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Inline { get; set; }

    public bool Small { get; set; }

    /// <summary>On a one-question page the legend is the page's h1.</summary>
    public bool LegendIsHeading { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue();
        var index = 0;
        var items = string.Concat(Items.Select(item =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " checked" : string.Empty;
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(item.Value)}\"{isChecked}>" +
                $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }));
        var classes = (Inline ? " govuk-radios--inline" : string.Empty) + (Small ? " govuk-radios--small" : string.Empty);
        Replace(output,
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{DescribedBy(error)}>" +
            (LegendIsHeading
                ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(Legend)}</h1></legend>"
                : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Legend)}</legend>") +
            $"{HintHtml()}{ErrorHtml(error)}<div class=\"govuk-radios{classes}\" data-module=\"govuk-radios\">{items}</div></fieldset></div>");
    }
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkCheckboxesTagHelper : GovUkFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var selected = ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [entry.AttemptedValue ?? string.Empty]).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : ModelValues(For.Model).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        var items = string.Concat(Items.Select(item =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = selected.Contains(item.Value) ? " checked" : string.Empty;
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"checkbox\" value=\"{E(item.Value)}\"{isChecked}>" +
                $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }));
        Replace(output,
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\"><fieldset class=\"govuk-fieldset\"{DescribedBy(error)}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Legend)}</legend>{HintHtml()}{ErrorHtml(error)}" +
            $"<div class=\"govuk-checkboxes{(Small ? " govuk-checkboxes--small" : string.Empty)}\" data-module=\"govuk-checkboxes\">{items}</div></fieldset></div>");
    }

    /// <summary>A single value (a bool checkbox) or a list (several codes) as the strings the inputs carry.</summary>
    private static IEnumerable<string> ModelValues(object? model) => model switch
    {
        null => [],
        string text => [text],
        bool flag => flag ? ["true"] : [],
        System.Collections.IEnumerable many => many.Cast<object>().Select(o => Format(o) ?? string.Empty),
        _ => [Format(model) ?? string.Empty],
    };
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string? EmptyText { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue();
        var options = (EmptyText is null ? string.Empty : $"<option value=\"\">{E(EmptyText)}</option>") + string.Concat(Items.Select(item =>
            $"<option value=\"{E(item.Value)}\"{(string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty)}>{E(item.Text)}</option>"));
        Replace(output,
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{HintHtml()}{ErrorHtml(error)}" +
            $"<select class=\"govuk-select{(error is null ? string.Empty : " govuk-select--error")}\" id=\"{Id}\" name=\"{E(Name)}\"{DescribedBy(error)}>{options}</select></div>");
    }
}

/// <summary>The error summary at the top of a form, each error linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            return;
        }

        var items = new List<string>();
        var position = FieldPositions(ViewContext.ViewData.Model);
        foreach (var (key, entry) in state.Where(kv => kv.Value!.Errors.Count > 0).OrderBy(kv => Position(position, kv.Key)))
        {
            foreach (var message in entry!.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).Distinct())
            {
                var text = HtmlEncoder.Default.Encode(message);
                items.Add(string.IsNullOrEmpty(key)
                    ? $"<li>{text}</li>"
                    : $"<li><a href=\"#{Anchor(key)}\">{text}</a></li>");
            }
        }

        output.Content.SetHtmlContent(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
            "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items.Distinct())}</ul></div></div></div>");
    }

    /// <summary>
    /// Where each field of the page's form comes: the order its <c>Input</c>'s properties are declared in, which is the
    /// order the form asks them. The model state lists errors in no order a reader would recognise; the GOV.UK pattern
    /// lists them as the fields come down the page.
    /// </summary>
    private static IReadOnlyDictionary<string, int> FieldPositions(object? model)
    {
        var input = model?.GetType().GetProperty("Input")?.PropertyType;
        return input is null
            ? new Dictionary<string, int>()
            : input.GetProperties().Select((p, i) => (p.Name, i)).DistinctBy(x => x.Name).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>A form-wide error first, then each field by its place in the form; anything else after them, as it came.</summary>
    private static int Position(IReadOnlyDictionary<string, int> positions, string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return -1;
        }

        var name = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..] : key;
        var end = name.IndexOfAny(['.', '[']);
        return positions.TryGetValue(end > 0 ? name[..end] : name, out var at) ? at : int.MaxValue;
    }

    /// <summary>The id of the first input of the field: a date's day box, a list's first option.</summary>
    private static string Anchor(string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        var field = bracket > 0 ? key[..bracket] : key;
        foreach (var part in new[] { ".Day", ".Month", ".Year" })
        {
            if (field.EndsWith(part, StringComparison.Ordinal))
            {
                return TagBuilder.CreateSanitizedId(field[..^part.Length], "_") + (part == ".Day" ? string.Empty : "_" + part[1..]);
            }
        }

        return TagBuilder.CreateSanitizedId(field, "_");
    }
}
