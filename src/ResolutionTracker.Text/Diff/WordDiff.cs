using DiffPlex;

namespace ResolutionTracker.Text.Diff;

public enum DiffKind
{
    Equal,
    Inserted,
    Deleted,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

// Word-level comparison of two texts, for readers: "Calls upon" -> "Urges" reads as one whole phrase
// deleted and one inserted, never as changed letters. Texts are cut into words, runs of whitespace and
// single punctuation marks; DiffPlex compares those tokens. Concatenating the Equal and Deleted segments
// gives the old text back, Equal and Inserted the new one.
public static class WordDiff
{
    private static readonly TokenChunker Chunker = new();

    public static IReadOnlyList<DiffSegment> Compare(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
            return oldText.Length == 0 ? [] : [new DiffSegment(DiffKind.Equal, oldText)];
        if (oldText.Length == 0)
            return [new DiffSegment(DiffKind.Inserted, newText)];
        if (newText.Length == 0)
            return [new DiffSegment(DiffKind.Deleted, oldText)];

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var oldPieces = result.PiecesOld;
        var newPieces = result.PiecesNew;

        var runs = new List<Run>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > a)
                runs.Add(Run.Same(Slice(oldPieces, a, block.DeleteStartA - a)));
            runs.Add(Run.Change(Slice(oldPieces, block.DeleteStartA, block.DeleteCountA), Slice(newPieces, block.InsertStartB, block.InsertCountB)));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        if (a < oldPieces.Count)
            runs.Add(Run.Same(Slice(oldPieces, a, oldPieces.Count - a)));

        runs = Normalise(TrimCommonEdges(runs));
        SlideToBoundaries(runs);
        return ToSegments(AbsorbGaps(Normalise(runs)));
    }

    // The differ matches frequent tokens (spaces, full stops) wherever it likes, so a change can start or
    // end with the very tokens both sides share: those belong to the unchanged text around it.
    private static List<Run> TrimCommonEdges(List<Run> runs)
    {
        var trimmed = new List<Run>(runs.Count + 4);
        foreach (var run in runs)
        {
            if (!run.Changed)
            {
                trimmed.Add(run);
                continue;
            }
            var (o, n) = (run.Old, run.New);
            var prefix = 0;
            while (prefix < o.Count && prefix < n.Count && o[prefix] == n[prefix])
                prefix++;
            var suffix = 0;
            while (suffix < o.Count - prefix && suffix < n.Count - prefix && o[o.Count - 1 - suffix] == n[n.Count - 1 - suffix])
                suffix++;
            if (prefix > 0)
                trimmed.Add(Run.Same(o.GetRange(0, prefix)));
            trimmed.Add(Run.Change(o.GetRange(prefix, o.Count - prefix - suffix), n.GetRange(prefix, n.Count - prefix - suffix)));
            if (suffix > 0)
                trimmed.Add(Run.Same(o.GetRange(o.Count - suffix, suffix)));
        }
        return trimmed;
    }

    // An insertion or deletion between two unchanged stretches can often sit in several places with the
    // same result ("work| and more.|" or "work.| And more.|"); put it where its edges fall on the most
    // natural boundaries: the ends of the text, blank lines, line breaks, sentence ends, spaces.
    private static void SlideToBoundaries(List<Run> runs)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (!run.Changed || (run.Old.Count > 0 && run.New.Count > 0))
                continue;
            var edit = run.Old.Count > 0 ? run.Old : run.New;
            var before = i > 0 && !runs[i - 1].Changed ? runs[i - 1].Old : null;
            var after = i + 1 < runs.Count && !runs[i + 1].Changed ? runs[i + 1].Old : null;
            if (before is null || after is null)
                continue;

            // Slide as far left as possible, then walk right and keep the best-scoring place.
            var left = new List<string>(before);
            var middle = new List<string>(edit);
            var right = new List<string>(after);
            while (left.Count > 0 && left[^1] == middle[^1])
            {
                middle.Insert(0, left[^1]);
                right.Insert(0, middle[^1]);
                middle.RemoveAt(middle.Count - 1);
                left.RemoveAt(left.Count - 1);
            }
            var best = (Left: new List<string>(left), Middle: new List<string>(middle), Right: new List<string>(right));
            var bestScore = Score(left, middle, right);
            while (right.Count > 0 && middle[0] == right[0])
            {
                left.Add(middle[0]);
                middle.RemoveAt(0);
                middle.Add(right[0]);
                right.RemoveAt(0);
                var score = Score(left, middle, right);
                if (score >= bestScore)
                {
                    bestScore = score;
                    best = (new List<string>(left), new List<string>(middle), new List<string>(right));
                }
            }
            runs[i - 1] = Run.Same(best.Left);
            runs[i] = run.Old.Count > 0 ? Run.Change(best.Middle, []) : Run.Change([], best.Middle);
            runs[i + 1] = Run.Same(best.Right);
        }
    }

    private static int Score(List<string> left, List<string> middle, List<string> right) =>
        Boundary(left.Count == 0 ? null : left[^1], middle[0]) + Boundary(middle[^1], right.Count == 0 ? null : right[0]);

    // How natural a break between two tokens is; null is the start or end of the text.
    private static int Boundary(string? one, string? two)
    {
        if (one is null || two is null)
            return 6;
        static int Newlines(string t) => t.Count(c => c == '\n');
        if (Newlines(one) >= 2 || Newlines(two) >= 2)
            return 5;
        if (Newlines(one) == 1 || Newlines(two) == 1)
            return 4;
        var oneBlank = char.IsWhiteSpace(one[0]);
        var twoBlank = char.IsWhiteSpace(two[0]);
        if (two.Length > 0 && twoBlank && one is "." or ";" or ":" or "!" or "?")
            return 3;
        if (oneBlank || twoBlank)
            return 2;
        if (!char.IsLetterOrDigit(one[0]) || !char.IsLetterOrDigit(two[0]))
            return 1;
        return 0;
    }

    // Drops empty runs and joins neighbours of the same kind, so the later steps see each stretch once.
    private static List<Run> Normalise(List<Run> runs)
    {
        var merged = new List<Run>(runs.Count);
        foreach (var run in runs)
        {
            if (run.Old.Count == 0 && run.New.Count == 0)
                continue;
            if (merged.Count > 0 && merged[^1].Changed == run.Changed)
            {
                var last = merged[^1];
                merged[^1] = run.Changed ? Run.Change([.. last.Old, .. run.Old], [.. last.New, .. run.New]) : Run.Same([.. last.Old, .. run.Old]);
            }
            else
            {
                merged.Add(run);
            }
        }
        return merged;
    }

    // A lone space (or a space and a comma) between two changed words is noise to a reader: "the quick
    // brown" -> "a slow red" should read as one phrase replaced, not three words with spaces kept between.
    private static List<Run> AbsorbGaps(List<Run> runs)
    {
        var merged = new List<Run>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var isGap = !run.Changed
                && i > 0 && i < runs.Count - 1
                && runs[i - 1].Changed && runs[i + 1].Changed
                && IsGap(run.Old);
            if (isGap)
                run = Run.Change(run.Old, run.Old);
            if (run.Changed && merged.Count > 0 && merged[^1].Changed)
                merged[^1] = Run.Change([.. merged[^1].Old, .. run.Old], [.. merged[^1].New, .. run.New]);
            else
                merged.Add(run);
        }
        return merged;
    }

    private static bool IsGap(List<string> tokens) =>
        tokens.Count <= 2 && tokens.All(t => t.All(c => c is ' ' or ',' or ';' or ':'));

    private static List<DiffSegment> ToSegments(List<Run> runs)
    {
        var segments = new List<DiffSegment>(runs.Count * 2);
        foreach (var run in runs)
        {
            if (run.Changed)
            {
                Add(segments, DiffKind.Deleted, string.Concat(run.Old));
                Add(segments, DiffKind.Inserted, string.Concat(run.New));
            }
            else
            {
                Add(segments, DiffKind.Equal, string.Concat(run.Old));
            }
        }
        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0)
            return;
        if (segments.Count > 0 && segments[^1].Kind == kind)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else
            segments.Add(new DiffSegment(kind, text));
    }

    private static List<string> Slice(IReadOnlyList<string> pieces, int start, int count)
    {
        var list = new List<string>(count);
        for (var i = start; i < start + count; i++)
            list.Add(pieces[i]);
        return list;
    }

    // Old and New are the same list for an unchanged stretch.
    private readonly record struct Run(bool Changed, List<string> Old, List<string> New)
    {
        public static Run Same(List<string> tokens) => new(false, tokens, tokens);

        public static Run Change(List<string> old, List<string> @new) => new(true, old, @new);
    }

    // Words (letters, digits, and apostrophes or hyphens inside them), runs of whitespace, and every
    // other character on its own, so punctuation changes show as such and never swallow a word.
    private sealed class TokenChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i])
                        || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                        i++;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                    while (i < text.Length && char.IsWhiteSpace(text[i]))
                        i++;
                }
                else
                {
                    // A surrogate pair is one character to the reader.
                    i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                }
                tokens.Add(text[start..i]);
            }
            return tokens;
        }
    }
}
