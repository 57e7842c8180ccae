using System.Text;

namespace ResolutionTracker.Web.Search;

// Full text search over PostgreSQL tsvectors. Each searchable table (resolutions, paragraphs, concerns,
// organisations, briefing_snapshots) has search_vector, a stored generated column with a GIN index,
// written by the FullTextSearch migration. The columns stay out of the EF model on purpose: a mapped
// column would be read back after every insert and update, loaded with every entity and recorded by the
// audit trail, and only the search SQL ever needs it.
public static class FullText
{
    public const string Config = "english";

    // Longer input is refused with a message; a search box needs far less, and ts_headline is not free.
    public const int MaxQueryLength = 200;

    // ts_headline's StartSel/StopSel: control characters no stored text contains, so every one of them in
    // a headline is ours. "<" is swapped for LessThan before ts_headline (whose parser would drop
    // anything that looks like a tag) and swapped back before the snippet is encoded.
    public const char Start = '\u0001';
    public const char Stop = '\u0002';
    public const char LessThan = '\u0003';

    // The words someone typed, fit to send to websearch_to_tsquery: control characters and broken
    // surrogates (which PostgreSQL or the encoder would refuse) become spaces, runs of space collapse.
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var keep = rune != Rune.ReplacementChar && !Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune);
            if (keep)
                builder.Append(rune.ToString());
            else if (builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }
        return builder.ToString().Trim();
    }
}
