using System.Globalization;
using System.Text;

namespace ResolutionTracker.Domain;

public static class Slug
{
    // "Amnesty International" -> "amnesty-international"; "A/HRC/43/L.31" -> "a-hrc-43-l-31".
    public static string From(string text, int maxLength = Limits.Slug)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalised.Length);
        var dash = false;
        foreach (var c in normalised)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
            slug = slug[..maxLength].Trim('-');
        return slug;
    }
}
