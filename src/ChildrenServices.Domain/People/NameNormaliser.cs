using System.Globalization;
using System.Text;

namespace ChildrenServices.Domain.People;

/// <summary>
/// Folds a name to the form search compares: lower case, accents removed, punctuation and
/// repeated spaces collapsed. Stored beside each name so that search is a plain LIKE on both
/// SQLite and SQL Server, whatever their collations do with "Zoë" or "O'Brien".
/// </summary>
public static class NameNormaliser
{
    public static string Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                lastWasSpace = false;
            }
            else if (c is '\'' or '’')
            {
                // O'Brien and OBrien are the same search.
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }
}
