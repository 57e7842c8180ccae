using System.Runtime.InteropServices;

namespace ResolutionTracker.Text.Parsing;

// Undoes hard line breaks. A hyphen at a line end is either a word broken by the typesetter
// ("inter-" + "national") or a real compound that happened to fall there ("short-" + "term"). UN documents
// are rarely hyphenated by the typesetter, so the hyphen stays unless both halves look like pieces of
// one lower-case word that is not a known compound.
internal sealed class LineJoiner
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

    // The longest first half a compound can have: a longer word before a line-end hyphen is never looked up.
    private static readonly int LongestFirstHalf = Compounds.Select(c => c.IndexOf('-', StringComparison.Ordinal))
        .Concat(CompoundStarts.Select(s => s.Length)).Max();

    // A list rather than a StringBuilder: the tests below read characters anywhere in the text, and a
    // StringBuilder finds an index by walking its chunks back from the end.
    private readonly List<char> text = [];

    // The run of letters that ends the text, as far as it was looked at: [wordStart, wordEnd) are letters and
    // wordStart is where the run begins. A word built from many broken lines is then scanned once, not again
    // at every line.
    private int wordStart;
    private int wordEnd;

    // The last and the one-before-last characters that are neither white space nor '*' (-1: none), so that
    // EndsParagraph skips a long tail of stars in one step.
    private int lastSolid = -1;
    private int solidBefore = -1;

    public int Length => text.Count;

    public static string Join(IEnumerable<string> lines)
    {
        var joiner = new LineJoiner();
        foreach (var raw in lines)
            joiner.Append(raw);
        return joiner.ToString();
    }

    public void Append(string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0)
            return;
        if (text.Count == 0)
        {
            Add(line);
            return;
        }

        var last = text[^1];
        if (last == '\u00AD')
        {
            // A soft hyphen is the typesetter's own break: always joined without it.
            RemoveLast();
            Add(line);
            return;
        }
        if (last is '-' or '\u2011' && text.Count >= 2 && char.IsLetter(text[^2]) && char.IsLetter(line[0]))
        {
            if (!KeepsHyphen(line))
                RemoveLast();
            Add(line);
            return;
        }
        if (last is '\u2013' or '\u2014' or '/' && char.IsLetterOrDigit(line[0]) && text.Count >= 2 && text[^2] != ' ')
        {
            // "2015–" + "2030", "A/HRC/" + "43/L.31": ranges and symbols broken at their joint.
            Add(line);
            return;
        }
        text.Add(' ');
        Add(line);
    }

    public bool EndsParagraph() => TextShape.EndsParagraph(lastSolid, i => text[i]);

    public override string ToString() => new(CollectionsMarshal.AsSpan(text));

    private void Add(string line)
    {
        var offset = text.Count;
        text.AddRange(line.AsSpan());
        for (var i = line.Length - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(line[i]) || line[i] == '*')
                continue;
            if (lastSolid < offset)
            {
                solidBefore = lastSolid;
                lastSolid = offset + i;
            }
            else
            {
                solidBefore = offset + i;
                break;
            }
        }
    }

    // Only a line-end hyphen or soft hyphen is removed: always the last solid character.
    private void RemoveLast()
    {
        text.RemoveAt(text.Count - 1);
        lastSolid = solidBefore;
        wordEnd = Math.Min(wordEnd, text.Count);
    }

    // The text ends with letters and a hyphen; next starts with a letter.
    private bool KeepsHyphen(string next)
    {
        var hyphen = text.Count - 1;
        var start = WordStart(hyphen);
        // A word that already has a hyphen keeps the one at its end too.
        if (start > 0 && text[start - 1] is '-' or '\u2011')
            return true;
        var end = 0;
        while (end < next.Length && (char.IsLetter(next[end]) || next[end] is '-' or '\u2011'))
            end++;
        var right = next[..end];

        if (char.IsUpper(right[0]) || CompoundEnds.Contains(right))
            return true;
        if (hyphen - start > LongestFirstHalf)
            return false;
        var left = new string(CollectionsMarshal.AsSpan(text)[start..hyphen]);
        return Compounds.Contains(left + "-" + right.TrimEnd('-')) || CompoundStarts.Contains(left);
    }

    // Where the run of letters that ends just before index `end` begins.
    private int WordStart(int end)
    {
        if (wordEnd > end)
            (wordStart, wordEnd) = (0, 0);
        var p = end - 1;
        while (p >= wordEnd && char.IsLetter(text[p]))
            p--;
        var start = p < wordEnd ? wordStart : p + 1;
        (wordStart, wordEnd) = (start, end);
        return start;
    }
}
