namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Footnotes are numbered in the briefing's reading order: the briefing's own notes first (the list of
// signatories is note 1), then each concern's notes, concern by concern, each group by its position.
public static class FootnoteNumbering
{
    public sealed record Note(int FootnoteId, int Position);

    public sealed record ConcernNotes(int ConcernId, int Position, IReadOnlyList<Note> Notes);

    // Footnote id -> printed number, 1..n without gaps.
    public static IReadOnlyDictionary<int, int> Number(IEnumerable<Note> briefingNotes, IEnumerable<ConcernNotes> concerns)
    {
        ArgumentNullException.ThrowIfNull(briefingNotes);
        ArgumentNullException.ThrowIfNull(concerns);
        var numbers = new Dictionary<int, int>();
        var inReadingOrder = briefingNotes.OrderBy(n => n.Position)
            .Concat(concerns.OrderBy(c => c.Position).SelectMany(c => c.Notes.OrderBy(n => n.Position)));
        foreach (var note in inReadingOrder)
            numbers.TryAdd(note.FootnoteId, numbers.Count + 1);
        return numbers;
    }
}
