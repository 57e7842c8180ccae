using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionTracker.Domain;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// The whole preview of an import as the form posts it back: nothing is kept on the server between the
// steps, so every correction round-trips through these fields until the user saves.
public sealed partial class ImportDraft
{
    [Display(Name = "Symbol")]
    [StringLength(Limits.Symbol, ErrorMessage = "A symbol must be at most {1} characters.")]
    public string? Symbol { get; set; }

    [Display(Name = "UN body")]
    public UnBody? Body { get; set; }

    [Display(Name = "Session")]
    [Range(1, 999, ErrorMessage = "A session number is between {1} and {2}.")]
    public int? Session { get; set; }

    [Display(Name = "Agenda item")]
    [StringLength(Limits.AgendaItem, ErrorMessage = "An agenda item must be at most {1} characters.")]
    public string? AgendaItem { get; set; }

    [Display(Name = "Title")]
    [StringLength(Limits.Title, ErrorMessage = "A title must be at most {1} characters.")]
    public string? Title { get; set; }

    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Sponsors")]
    [StringLength(Limits.Note, ErrorMessage = "The sponsor list must be at most {1} characters.")]
    public string? Sponsors { get; set; }

    public List<Row> Paragraphs { get; set; } = [];

    // What the reader said about the original text; kept so the warnings stay in sight while correcting.
    public List<string> Warnings { get; set; } = [];

    public List<Note> Footnotes { get; set; } = [];

    // A recorded vote read from an Akoma Ntoso file: "Yes=Albania|No=Cuba|...", state names hold neither sign.
    public string? VoteRows { get; set; }
    public DateOnly? VoteDate { get; set; }
    public string? VoteMeeting { get; set; }
    public bool VoteWithoutVote { get; set; }
    public bool HasVote { get; set; }

    // "pasted text" or the uploaded file's name, to remind the user what they are correcting.
    [StringLength(260)]
    public string? Source { get; set; }

    [Display(Name = "I have checked the structure")]
    public bool Checked { get; set; }

    public sealed class Row
    {
        public ParagraphKind Kind { get; set; }

        [StringLength(Limits.ParagraphText, ErrorMessage = "A paragraph must be at most {1} characters.")]
        public string? Text { get; set; }

        [StringLength(Limits.ParagraphText, ErrorMessage = "The sub-items of a paragraph must be at most {1} characters.")]
        public string? SubItems { get; set; }

        [StringLength(Limits.Quote, ErrorMessage = "The words to split before must be at most {1} characters.")]
        public string? SplitBefore { get; set; }
    }

    public sealed class Note
    {
        public string Marker { get; set; } = "";
        public string Text { get; set; } = "";
    }

    public static ImportDraft From(ParsedResolution parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var draft = new ImportDraft
        {
            Symbol = parsed.Symbol,
            Body = BodyFrom(parsed.Body),
            Session = parsed.Session,
            AgendaItem = parsed.AgendaItem is { Length: <= Limits.AgendaItem } item ? item : null,
            Title = parsed.Title,
            Date = parsed.Date,
            Sponsors = string.Join('\n', parsed.Sponsors),
            Warnings = [.. parsed.Warnings],
            Footnotes = [.. parsed.Footnotes.Select(f => new Note { Marker = f.Marker, Text = f.Text })],
        };
        draft.Paragraphs.AddRange(parsed.Preambular.Select(p => RowFrom(ParagraphKind.Preambular, p)));
        draft.Paragraphs.AddRange(parsed.Operative.Select(p => RowFrom(ParagraphKind.Operative, p)));
        if (parsed.Vote is { } vote)
        {
            draft.HasVote = true;
            draft.VoteDate = vote.Date;
            draft.VoteMeeting = vote.Meeting;
            draft.VoteWithoutVote = vote.WithoutVote;
            draft.VoteRows = string.Join('|', vote.Rows.Select(r => $"{r.Choice}={r.State.Replace('|', ' ')}"));
        }
        return draft;
    }

    private static Row RowFrom(ParagraphKind kind, ParsedParagraph paragraph) => new()
    {
        Kind = kind,
        Text = paragraph.Text,
        SubItems = string.Join('\n', paragraph.SubItems.Select(s => new string(' ', 2 * (Math.Clamp(s.Level, 1, 3) - 1)) + s.Label + " " + s.Text)),
    };

    public static UnBody? BodyFrom(string? body) =>
        body is null ? null : Enum.GetValues<UnBody>().Cast<UnBody?>().FirstOrDefault(b => string.Equals(Format.Label(b!.Value), body, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> SponsorNames() => Lines(Sponsors).Select(s => s.Trim().TrimEnd('*').Trim()).Where(s => s.Length > 0)
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public IReadOnlyList<(string State, VoteChoice Choice)> VoteList()
    {
        var rows = new List<(string, VoteChoice)>();
        foreach (var line in (VoteRows ?? "").Split('|'))
        {
            var tab = line.IndexOf('=', StringComparison.Ordinal);
            if (tab <= 0 || !Enum.TryParse<VoteChoice>(line[..tab], ignoreCase: true, out var choice) || !Enum.IsDefined(choice))
                continue;
            var state = line[(tab + 1)..].Trim();
            if (state.Length > 0)
                rows.Add((state, choice));
        }
        return rows;
    }

    public bool HasOperative => Paragraphs.Any(p => p.Kind == ParagraphKind.Operative);

    // pp.1..n and OP 1..n by place in the list, as the paragraphs will be saved.
    public string ReferenceOf(int index)
    {
        var kind = Paragraphs[index].Kind;
        var number = Paragraphs.Take(index + 1).Count(p => p.Kind == kind);
        return Domain.Resolutions.Paragraph.Reference(kind, number);
    }

    public int Count(ParagraphKind kind) => Paragraphs.Count(p => p.Kind == kind);

    // --- corrections; each returns a message for the user when it cannot be done ---

    public string? Merge(int index)
    {
        if (!HasRow(index) || !HasRow(index + 1))
            return "There is no next paragraph to merge with.";
        var first = Paragraphs[index];
        var second = Paragraphs[index + 1];
        first.Text = JoinText(first.Text, second.Text);
        first.SubItems = string.Join('\n', new[] { first.SubItems, second.SubItems }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.TrimEnd()));
        first.SplitBefore = null;
        Paragraphs.RemoveAt(index + 1);
        return null;
    }

    public string? Split(int index)
    {
        if (!HasRow(index))
            return "That paragraph is no longer in the preview.";
        var row = Paragraphs[index];
        var text = row.Text ?? "";
        var marker = row.SplitBefore?.Trim();
        List<string> parts;
        if (!string.IsNullOrEmpty(marker))
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
                at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                return $"The words \"{marker}\" are not in {ReferenceOf(index)}. Copy them exactly from the paragraph's text.";
            if (text[..at].Trim().Length == 0)
                return $"\"{marker}\" is where {ReferenceOf(index)} starts: choose words further into the paragraph.";
            parts = [text[..at], text[at..]];
        }
        else
        {
            parts = [.. BlankLine().Split(text)];
            if (parts.Count(p => p.Trim().Length > 0) < 2)
                return $"To split {ReferenceOf(index)}, type the words it should split before, or put a blank line in its text where it should split.";
        }
        parts = [.. parts.Select(p => p.Trim()).Where(p => p.Length > 0)];
        var rows = parts.Select(p => new Row { Kind = row.Kind, Text = p }).ToList();
        // Sub-items follow the end of the paragraph they were printed under.
        rows[^1].SubItems = row.SubItems;
        Paragraphs.RemoveAt(index);
        Paragraphs.InsertRange(index, rows);
        return null;
    }

    public string? Delete(int index)
    {
        if (!HasRow(index))
            return "That paragraph is no longer in the preview.";
        Paragraphs.RemoveAt(index);
        return null;
    }

    public string? Move(int index, int by)
    {
        var to = index + by;
        if (!HasRow(index) || !HasRow(to))
            return by < 0 ? "The first paragraph cannot move up." : "The last paragraph cannot move down.";
        (Paragraphs[index], Paragraphs[to]) = (Paragraphs[to], Paragraphs[index]);
        return null;
    }

    private bool HasRow(int index) => index >= 0 && index < Paragraphs.Count;

    private static string JoinText(string? a, string? b) =>
        string.Join(' ', new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));

    // --- what gets saved ---

    // The paragraphs as they will be saved, or the messages (field key, text) that stop the save.
    public (IReadOnlyList<ImportedParagraph> Paragraphs, IReadOnlyList<(string Key, string Message)> Errors) ToImported()
    {
        var result = new List<ImportedParagraph>();
        var errors = new List<(string, string)>();
        var numbers = new Dictionary<ParagraphKind, int>();
        for (var i = 0; i < Paragraphs.Count; i++)
        {
            var row = Paragraphs[i];
            var text = CollapseSpaces(row.Text);
            if (text.Length == 0)
            {
                errors.Add(($"Draft.Paragraphs[{i}].Text", $"{ReferenceOf(i)} has no text: write it, or delete the paragraph."));
                continue;
            }
            var (items, itemError) = ParseSubItems(row.SubItems);
            if (itemError is not null)
            {
                errors.Add(($"Draft.Paragraphs[{i}].SubItems", $"{ReferenceOf(i)}: {itemError}"));
                continue;
            }
            numbers[row.Kind] = numbers.GetValueOrDefault(row.Kind) + 1;
            result.Add(new ImportedParagraph(row.Kind, numbers[row.Kind], text, items));
        }
        return (result, errors);
    }

    public static (IReadOnlyList<ParsedSubItem> Items, string? Error) ParseSubItems(string? text)
    {
        var items = new List<ParsedSubItem>();
        foreach (var raw in Lines(text))
        {
            if (raw.Trim().Length == 0)
                continue;
            var match = SubItemLine().Match(raw);
            if (!match.Success)
            {
                if (items.Count == 0)
                    return (items, $"each sub-item starts with its label, such as \"(a) text\"; \"{Format.Shorten(raw.Trim())}\" has none.");
                // A line without a label continues the item above it.
                var last = items[^1];
                items[^1] = last with { Text = last.Text + " " + raw.Trim() };
                continue;
            }
            var indent = match.Groups["indent"].Value.Replace("\t", "  ", StringComparison.Ordinal).Length;
            var level = Math.Clamp(1 + (indent / 2), 1, 3);
            var body = match.Groups["text"].Value.Trim();
            if (body.Length == 0)
                return (items, $"the sub-item {match.Groups["label"].Value} has no text.");
            items.Add(new ParsedSubItem(match.Groups["label"].Value, body, level));
        }
        return (items.Select(i => i with { Text = CollapseSpaces(i.Text) }).ToList(), null);
    }

    public static string CollapseSpaces(string? text) => Spaces().Replace(text ?? "", " ").Trim();

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public static string FirstWords(string? text, int words = 8)
    {
        var all = CollapseSpaces(text).Split(' ');
        return all.Length <= words ? string.Join(' ', all) : string.Join(' ', all.Take(words)) + " …";
    }

    public string VoteSummary()
    {
        if (VoteWithoutVote)
            return "Adopted without a vote" + (VoteDate is { } d ? " on " + Format.Date(d) : "") + ".";
        var rows = VoteList();
        var text = new StringBuilder("Recorded vote");
        if (VoteDate is { } date)
            text.Append(" on ").Append(Format.Date(date));
        text.Append(CultureInfo.InvariantCulture, $": {rows.Count(r => r.Choice == VoteChoice.Yes)} in favour, {rows.Count(r => r.Choice == VoteChoice.No)} against, {rows.Count(r => r.Choice == VoteChoice.Abstain)} abstaining.");
        return text.ToString();
    }

    [GeneratedRegex(@"\n[ \t\u00A0]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<label>\((?:[a-z]{1,4}|[ivxlc]{1,8}|\d{1,3})\)|(?:[a-z]|\d{1,3})\))\s*(?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SubItemLine();
}
