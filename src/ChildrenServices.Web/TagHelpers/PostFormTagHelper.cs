using ChildrenServices.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChildrenServices.Web.TagHelpers;

/// <summary>
/// Every form that posts carries an antiforgery token and a one-time submission id, whatever its markup.
/// ASP.NET Core's own form tag helper leaves the token out of a form written with a plain
/// <c>action="…"</c> (it treats it as someone else's form): that is how the alerts and the public
/// request's "Remove" buttons came to be refused with a 400. This runs after it and adds what it left out.
/// </summary>
[HtmlTargetElement("form")]
public sealed class PostFormTagHelper(IHtmlGenerator generator) : TagHelper
{
    /// <summary>After <see cref="FormTagHelper"/> (order -1000), so its decision is known.</summary>
    public override int Order => 0;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = context.AllAttributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // The form tag helper adds the token itself unless told not to, or unless the form names its
        // own action; asp-antiforgery="false" is a deliberate choice and is left alone.
        var formTagHelperAddsToken = context.AllAttributes.ContainsName("asp-antiforgery")
            || !context.AllAttributes.ContainsName("action");
        if (!formTagHelperAddsToken && generator.GenerateAntiforgery(ViewContext) is { } token)
        {
            output.PostContent.AppendHtml(token);
        }

        var submission = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        submission.Attributes["type"] = "hidden";
        submission.Attributes["name"] = FormSubmissions.FieldName;
        submission.Attributes["value"] = Guid.NewGuid().ToString("N");
        output.PostContent.AppendHtml(submission);
    }
}
