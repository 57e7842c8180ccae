using System.Globalization;
using System.Text;
using ResolutionTracker.Text.Diff;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Text.Alignment;

public enum AlignedParagraphKind
{
    Preambular,
    Operative,
}

// One paragraph of one version as the aligner sees it: its kind, its number and its words, sub-items included.
public sealed record AlignedParagraph(AlignedParagraphKind Kind, int Number, string Text, IReadOnlyList<ParsedSubItem> SubItems)
{
    public AlignedParagraph(AlignedParagraphKind kind, int number, string text)
        : this(kind, number, text, [])
    {
    }

    // The text a reader compares: the paragraph, then each sub-item on its own line as printed ("(a) text").
    public string FullText => SubItems.Count == 0
        ? Text
        : Text + string.Concat(SubItems.Select(s => "\n" + s.Label + " " + s.Text));
}

public enum PairKind
{
    // Same words (after normalising spaces and typographic quotes), same kind.
    Kept,

    // Similar enough to be the same paragraph reworded.
    Changed,

    // Only in the new version.
    Added,

    // Only in the old version.
    Deleted,
}

// OldIndex and NewIndex point into the lists given to Align. Moved is set on a kept or changed pair whose place
// relative to the other carried-over paragraphs changed. Diff holds the word-level changes of a Changed pair
// (old full text to new full text), and is empty otherwise.
public sealed record ParagraphPair(PairKind Kind, int? OldIndex, int? NewIndex, double Similarity, bool Moved, IReadOnlyList<DiffSegment> Diff)
{
    public bool Carried => Kind is PairKind.Kept or PairKind.Changed;
}

public sealed record AlignmentSummary(int Kept, int Changed, int Added, int Deleted, int Moved)
{
    public static AlignmentSummary Of(IEnumerable<ParagraphPair> pairs)
    {
        int kept = 0, changed = 0, added = 0, deleted = 0, moved = 0;
        foreach (var p in pairs)
        {
            switch (p.Kind)
            {
                case PairKind.Kept: kept++; break;
                case PairKind.Changed: changed++; break;
                case PairKind.Added: added++; break;
                case PairKind.Deleted: deleted++; break;
            }
            if (p.Moved)
                moved++;
        }
        return new AlignmentSummary(kept, changed, added, deleted, moved);
    }
}

// Pairs are in reading order: the new version's order, each deleted paragraph placed after the carried-over
// paragraph that preceded it in the old version (or first, when nothing did).
public sealed record ParagraphAlignment(IReadOnlyList<ParagraphPair> Pairs, AlignmentSummary Summary);

// Aligns the paragraphs of two versions of a resolution.
//
// 1. Exact: paragraphs of the same kind whose normalised full text is equal pair up, in order (so repeated
//    identical paragraphs pair first with first). Numbers are ignored: an OP renumbered after an insertion is kept.
// 2. Similar: among the rest, every old/new pair of the same kind gets a score, the Dice coefficient of their
//    word-bigram multisets (unigrams for paragraphs under three words); pairs at or above SimilarityThreshold are
//    taken greedily, best score first (ties: the pair closest in relative position). The threshold 0.4 is where
//    a paragraph with up to about half its phrasing rewritten still pairs, while two unrelated paragraphs of the
//    same resolution, which share stock phrases ("human rights", "of the", "calls upon States"), stay well below
//    it (typically 0.05 to 0.25 in our fixtures).
// 3. Moves: the longest increasing subsequence of the carried-over pairs' new indices, taken in old order, is
//    the backbone that stayed in place; every other carried-over pair is Moved.
// 4. The rest are Deleted (old only) and Added (new only).
//
// A paragraph that changes kind (a preambular "Recalling ..." turned into an operative "Recalls ...") is Deleted
// and Added, never paired: moving text between the preamble and the operative part changes what it does, so a
// concern about one is not silently carried to the other; it stays on the old paragraph for someone to re-file.
public static class ParagraphAligner
{
    public const double SimilarityThreshold = 0.4;

    public static ParagraphAlignment Align(IReadOnlyList<AlignedParagraph> oldParagraphs, IReadOnlyList<AlignedParagraph> newParagraphs)
    {
        ArgumentNullException.ThrowIfNull(oldParagraphs);
        ArgumentNullException.ThrowIfNull(newParagraphs);

        var oldTexts = oldParagraphs.Select(p => p.FullText).ToArray();
        var newTexts = newParagraphs.Select(p => p.FullText).ToArray();
        var oldNorm = oldTexts.Select(Normalise).ToArray();
        var newNorm = newTexts.Select(Normalise).ToArray();

        var oldMatch = new int[oldParagraphs.Count];
        var newMatch = new int[newParagraphs.Count];
        var similarity = new double[oldParagraphs.Count];
        Array.Fill(oldMatch, -1);
        Array.Fill(newMatch, -1);

        MatchExact(oldParagraphs, newParagraphs, oldNorm, newNorm, oldMatch, newMatch, similarity);
        MatchSimilar(oldParagraphs, newParagraphs, oldNorm, newNorm, oldMatch, newMatch, similarity);

        var moved = FindMoved(oldMatch);
        var pairs = Order(oldParagraphs.Count, newParagraphs.Count, oldMatch, newMatch, moved, i =>
        {
            var j = oldMatch[i];
            if (oldNorm[i] == newNorm[j])
                return new ParagraphPair(PairKind.Kept, i, j, 1.0, moved[i], []);
            return new ParagraphPair(PairKind.Changed, i, j, similarity[i], moved[i], WordDiff.Compare(oldTexts[i], newTexts[j]));
        });
        return new ParagraphAlignment(pairs, AlignmentSummary.Of(pairs));
    }

    // Spaces collapsed, typographic quotes, apostrophes and dashes made plain: a re-typed text is the same text.
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u2032' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                '\u00A0' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void MatchExact(
        IReadOnlyList<AlignedParagraph> olds, IReadOnlyList<AlignedParagraph> news, string[] oldNorm, string[] newNorm,
        int[] oldMatch, int[] newMatch, double[] similarity)
    {
        // Queue of old indices per (kind, text), consumed in order.
        var byText = new Dictionary<(AlignedParagraphKind, string), Queue<int>>();
        for (var i = 0; i < olds.Count; i++)
        {
            var key = (olds[i].Kind, oldNorm[i]);
            if (!byText.TryGetValue(key, out var queue))
                byText[key] = queue = new Queue<int>();
            queue.Enqueue(i);
        }
        for (var j = 0; j < news.Count; j++)
        {
            if (byText.TryGetValue((news[j].Kind, newNorm[j]), out var queue) && queue.Count > 0)
            {
                var i = queue.Dequeue();
                oldMatch[i] = j;
                newMatch[j] = i;
                similarity[i] = 1.0;
            }
        }
    }

    private static void MatchSimilar(
        IReadOnlyList<AlignedParagraph> olds, IReadOnlyList<AlignedParagraph> news, string[] oldNorm, string[] newNorm,
        int[] oldMatch, int[] newMatch, double[] similarity)
    {
        var openOld = Enumerable.Range(0, olds.Count).Where(i => oldMatch[i] < 0).ToList();
        var openNew = Enumerable.Range(0, news.Count).Where(j => newMatch[j] < 0).ToList();
        if (openOld.Count == 0 || openNew.Count == 0)
            return;

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var oldShingles = openOld.ToDictionary(i => i, i => Shingles(oldNorm[i], words));
        var newShingles = openNew.ToDictionary(j => j, j => Shingles(newNorm[j], words));

        var candidates = new List<(double Score, double Distance, int Old, int New)>();
        foreach (var i in openOld)
        {
            foreach (var j in openNew)
            {
                if (olds[i].Kind != news[j].Kind)
                    continue;
                var score = Dice(oldShingles[i], newShingles[j]);
                if (score < SimilarityThreshold)
                    continue;
                var distance = Math.Abs(((double)i / Math.Max(1, olds.Count)) - ((double)j / Math.Max(1, news.Count)));
                candidates.Add((score, distance, i, j));
            }
        }
        candidates.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
                return byScore;
            var byDistance = a.Distance.CompareTo(b.Distance);
            return byDistance != 0 ? byDistance : a.Old.CompareTo(b.Old);
        });
        foreach (var (score, _, i, j) in candidates)
        {
            if (oldMatch[i] >= 0 || newMatch[j] >= 0)
                continue;
            oldMatch[i] = j;
            newMatch[j] = i;
            similarity[i] = score;
        }
    }

    // Sorted word bigrams (each a pair of word ids packed in a long); single words for very short paragraphs,
    // which have too few bigrams to compare fairly.
    private static long[] Shingles(string text, Dictionary<string, int> words)
    {
        var ids = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            var word = text[start..i].ToLower(CultureInfo.InvariantCulture);
            if (!words.TryGetValue(word, out var id))
                words[word] = id = words.Count + 1;
            ids.Add(id);
        }
        long[] shingles;
        if (ids.Count < 3)
        {
            shingles = ids.Select(id => (long)id).ToArray();
        }
        else
        {
            shingles = new long[ids.Count - 1];
            for (var k = 0; k + 1 < ids.Count; k++)
                shingles[k] = ((long)ids[k] << 32) | (uint)ids[k + 1];
        }
        Array.Sort(shingles);
        return shingles;
    }

    // Dice coefficient of two sorted multisets: 2 |A ∩ B| / (|A| + |B|).
    private static double Dice(long[] a, long[] b)
    {
        if (a.Length == 0 && b.Length == 0)
            return 1.0;
        if (a.Length == 0 || b.Length == 0)
            return 0.0;
        int x = 0, y = 0, common = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                common++;
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }
        return 2.0 * common / (a.Length + b.Length);
    }

    // Old indices (by old order) of carried-over pairs that are not on the longest increasing run of new indices.
    private static bool[] FindMoved(int[] oldMatch)
    {
        var moved = new bool[oldMatch.Length];
        var carried = Enumerable.Range(0, oldMatch.Length).Where(i => oldMatch[i] >= 0).ToArray();
        if (carried.Length < 2)
            return moved;

        // Patience sorting with predecessor links: O(n log n).
        var tails = new List<int>();
        var previous = new int[carried.Length];
        for (var k = 0; k < carried.Length; k++)
        {
            var value = oldMatch[carried[k]];
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (oldMatch[carried[tails[mid]]] < value)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
                tails.Add(k);
            else
                tails[lo] = k;
        }
        var inPlace = new bool[carried.Length];
        for (var k = tails[^1]; k >= 0; k = previous[k])
            inPlace[k] = true;
        for (var k = 0; k < carried.Length; k++)
            moved[carried[k]] = !inPlace[k];
        return moved;
    }

    private static List<ParagraphPair> Order(int oldCount, int newCount, int[] oldMatch, int[] newMatch, bool[] moved, Func<int, ParagraphPair> carriedPair)
    {
        // Deleted paragraphs, grouped by the in-place carried-over old paragraph before them (-1: none).
        var deletedAfter = new Dictionary<int, List<int>>();
        var anchor = -1;
        for (var i = 0; i < oldCount; i++)
        {
            if (oldMatch[i] >= 0)
            {
                if (!moved[i])
                    anchor = i;
                continue;
            }
            if (!deletedAfter.TryGetValue(anchor, out var list))
                deletedAfter[anchor] = list = [];
            list.Add(i);
        }

        var pairs = new List<ParagraphPair>(oldCount + newCount);
        void Deleted(int after)
        {
            if (deletedAfter.TryGetValue(after, out var list))
            {
                foreach (var i in list)
                    pairs.Add(new ParagraphPair(PairKind.Deleted, i, null, 0, false, []));
            }
        }

        Deleted(-1);
        for (var j = 0; j < newCount; j++)
        {
            var i = newMatch[j];
            if (i < 0)
            {
                pairs.Add(new ParagraphPair(PairKind.Added, null, j, 0, false, []));
                continue;
            }
            pairs.Add(carriedPair(i));
            if (!moved[i])
                Deleted(i);
        }
        return pairs;
    }
}
