using System.Text;

namespace ResolutionTracker.Text.Parsing;

// Undoes hard line breaks. A hyphen at a line end is either a word broken by the typesetter
// ("inter-" + "national") or a real compound that happened to fall there ("short-" + "term"). UN documents
// are rarely hyphenated by the typesetter, so the hyphen stays unless both halves look like pieces of
// one lower-case word that is not a known compound.
internal static class LineJoiner
{
    // Compounds the UN writes with a hyphen, as whole words.
    private static readonly HashSet<string> Compounds = new(StringComparer.OrdinalIgnoreCase)
    {
        "non-governmental", "non-discrimination", "non-violent", "non-violence", "non-refoulement", "non-binding",
        "non-communicable", "non-proliferation", "non-recurrent", "non-member", "non-members", "non-State",
        "follow-up", "self-determination", "self-defence", "self-reliance", "self-employed", "self-sufficiency",
        "capacity-building", "decision-making", "policymaking", "peacekeeping", "peace-building",
        "well-being", "long-term", "short-term", "medium-term", "long-standing", "far-reaching", "high-level",
        "low-income", "middle-income", "high-income", "cross-border", "cross-cutting", "people-centred",
        "gender-based", "gender-sensitive", "gender-responsive", "age-appropriate", "evidence-based",
        "rights-based", "human-rights-based", "child-sensitive", "multi-stakeholder", "co-sponsor", "co-sponsors",
        "co-facilitator", "co-facilitators", "inter-agency", "inter-State", "intergovernmental", "e-commerce",
        "sub-item", "sub-items", "sub-paragraph", "sub-regional", "post-conflict", "pre-trial", "re-election",
        "anti-personnel", "anti-corruption", "ex-combatants", "so-called", "state-of-the-art", "twenty-first",
        "country-specific", "country-owned", "time-bound", "results-based", "community-based", "victim-centred",
        "survivor-centred", "data-driven", "science-based", "fact-finding", "on-site", "follow-on", "in-depth",
        "large-scale", "small-scale", "all-inclusive", "life-saving", "life-threatening", "decision-makers",
    };

    // Second halves that make a compound whatever the first half is ("Chernobyl-affected", "rights-based").
    private static readonly HashSet<string> CompoundEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "based", "related", "sensitive", "responsive", "led", "making", "building", "up", "term", "level",
        "owned", "specific", "wide", "centred", "centered", "affected", "free", "friendly", "oriented", "driven",
        "bound", "scale", "being", "keeping", "determination", "governmental", "discrimination", "agency",
        "income", "border", "cutting", "appropriate", "stakeholder", "facilitator", "facilitators", "conflict",
        "trial", "election", "personnel", "corruption", "called", "finding", "site", "depth", "saving",
        "threatening", "makers", "standing", "reaching", "persistent", "General", "violent", "violence",
        "binding", "communicable", "proliferation", "recurrent", "member", "members", "refoulement", "thirds",
    };

    // First halves that always keep their hyphen in UN usage.
    private static readonly HashSet<string> CompoundStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "non", "self", "co", "cross", "ex", "post", "anti", "multi", "well", "long", "short", "follow",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "two", "three",
    };

    public static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
            Append(builder, raw);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0)
            return;
        if (builder.Length == 0)
        {
            builder.Append(line);
            return;
        }

        var last = builder[^1];
        if (last == '\u00AD')
        {
            // A soft hyphen is the typesetter's own break: always joined without it.
            builder.Length--;
            builder.Append(line);
            return;
        }
        if (last is '-' or '\u2011' && builder.Length >= 2 && char.IsLetter(builder[^2]) && char.IsLetter(line[0]))
        {
            if (!KeepsHyphen(builder, line))
                builder.Length--;
            builder.Append(line);
            return;
        }
        if (last is '\u2013' or '\u2014' or '/' && char.IsLetterOrDigit(line[0]) && builder.Length >= 2 && builder[^2] != ' ')
        {
            // "2015–" + "2030", "A/HRC/" + "43/L.31": ranges and symbols broken at their joint.
            builder.Append(line);
            return;
        }
        builder.Append(' ').Append(line);
    }

    private static bool KeepsHyphen(StringBuilder builder, string next)
    {
        var start = builder.Length - 1;
        while (start > 0 && (char.IsLetter(builder[start - 1]) || builder[start - 1] is '-' or '\u2011'))
            start--;
        var left = builder.ToString(start, builder.Length - 1 - start);
        var end = 0;
        while (end < next.Length && (char.IsLetter(next[end]) || next[end] is '-' or '\u2011'))
            end++;
        var right = next[..end];
        var lastPiece = left[(left.LastIndexOfAny(['-', '\u2011']) + 1)..];

        if (left.Contains('-', StringComparison.Ordinal) || left.Contains('\u2011', StringComparison.Ordinal))
            return true;
        if (lastPiece.Length == 0 || right.Length == 0 || char.IsUpper(right[0]))
            return true;
        return Compounds.Contains(left + "-" + right.TrimEnd('-'))
            || CompoundEnds.Contains(right)
            || CompoundStarts.Contains(lastPiece);
    }
}
