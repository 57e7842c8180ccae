namespace ResolutionTracker.Text.Parsing;

// What a parser or an Akoma Ntoso reader finds in one UN resolution text. Paragraph text has line breaks
// and hyphenation undone, page furniture and footnote markers removed. Nothing here is guessed silently:
// whatever the reader was unsure of is in Warnings.
public sealed record ParsedResolution
{
    public string? Symbol { get; init; }
    public string? Title { get; init; }

    // "Human Rights Council", "General Assembly", "Third Committee", "Security Council",
    // "Economic and Social Council", "Commission on Human Rights"; null when unknown.
    public string? Body { get; init; }
    public int? Session { get; init; }
    public string? AgendaItem { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyList<string> Sponsors { get; init; } = [];
    public IReadOnlyList<ParsedParagraph> Preambular { get; init; } = [];
    public IReadOnlyList<ParsedParagraph> Operative { get; init; } = [];
    public IReadOnlyList<ParsedFootnote> Footnotes { get; init; } = [];
    public ParsedVote? Vote { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

// Preambular paragraphs are numbered by position (pp.1..n), operative ones as printed (1..n).
public sealed record ParsedParagraph(int Number, string Text, IReadOnlyList<ParsedSubItem> SubItems);

// "(a)" at level 1, "(i)" at level 2.
public sealed record ParsedSubItem(string Label, string Text, int Level = 1);

public sealed record ParsedFootnote(string Marker, string Text);

// A recorded vote as a document states it: each state's name as written, and Yes, No, Abstain or NonVoting.
public sealed record ParsedVote(DateOnly? Date, string? Meeting, bool WithoutVote, IReadOnlyList<ParsedVoteRow> Rows);

public sealed record ParsedVoteRow(string State, string Choice);
