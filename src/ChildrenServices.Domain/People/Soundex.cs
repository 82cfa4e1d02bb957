using System.Text;

namespace ChildrenServices.Domain.People;

/// <summary>
/// American Soundex as the US National Archives publishes it (letter, then three digits; H and W do
/// not separate letters of the same code; vowels do). A stored key that lets the duplicate check ask
/// the database for "sounds like" names (Finlay/Finley, Aisha/Ayesha) by an indexed equality.
/// Written here because no maintained, permissively licensed phonetic package is available to the
/// project and the domain references no packages (ADR 0018).
/// </summary>
public static class Soundex
{
    // a b c d e f g h i j k l m n o p q r s t u v w x y z
    private const string Codes = "01230120022455012623010202";

    /// <summary>The key of one word of a normalised name; empty when it has no letter a–z.</summary>
    public static string Encode(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(4);
        var previous = '\0';
        foreach (var raw in word)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            var code = Codes[c - 'a'];
            if (builder.Length == 0)
            {
                builder.Append(char.ToUpperInvariant(c));
                previous = code;
                continue;
            }

            if (c is 'h' or 'w')
            {
                continue;
            }

            if (code != '0' && code != previous)
            {
                builder.Append(code);
                if (builder.Length == 4)
                {
                    break;
                }
            }

            previous = code;
        }

        return builder.Length == 0 ? string.Empty : builder.ToString().PadRight(4, '0');
    }
}
