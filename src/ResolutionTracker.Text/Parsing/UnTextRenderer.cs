using System.Globalization;
using System.Text;

namespace ResolutionTracker.Text.Parsing;

// Writes a parsed resolution back as plain text in the UN's layout (header, sponsor line, title, opening
// formula, paragraphs, closing lines, footnotes), with hard line breaks, so that the parser reads it back
// to the same structure. Footnote markers are not placed in the text: where they stood is not kept.
public static class UnTextRenderer
{
    private const int LineWidth = 80;

    public static string Render(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var text = new StringBuilder();
        WriteHeader(text, resolution);

        text.Append(OpeningFormula(resolution.Body)).Append("\n\n");
        foreach (var paragraph in resolution.Preambular)
            WriteParagraph(text, null, paragraph);
        foreach (var paragraph in resolution.Operative)
            WriteParagraph(text, paragraph.Number, paragraph);

        if (resolution.Vote is { } vote)
            WriteClosing(text, vote);

        var starred = resolution.Footnotes.Where(f => f.Marker.StartsWith('*')).ToList();
        var numbered = resolution.Footnotes.Where(f => !f.Marker.StartsWith('*')).ToList();
        foreach (var note in starred)
            text.Append('\n').Append(note.Marker).Append(' ').Append(note.Text).Append('\n');
        if (numbered.Count > 0)
        {
            text.Append("\n__________________\n\n");
            foreach (var note in numbered)
                Wrap(text, $"{note.Marker} {note.Text}").Append('\n');
        }
        return text.ToString();
    }

    private static void WriteHeader(StringBuilder text, ParsedResolution resolution)
    {
        text.Append("United Nations\n");
        if (resolution.Symbol is not null)
            text.Append(resolution.Symbol).Append('\n');
        text.Append('\n').Append(TopLine(resolution.Body)).Append('\n');
        var draft = resolution.Symbol?.Contains("/L.", StringComparison.Ordinal) == true;
        text.Append(draft ? "Distr.: Limited\n" : "Distr.: General\n");
        if (resolution.Date is { } date)
            text.Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Original: English\n\n");
        if (resolution.Body is "Human Rights Council" or "Third Committee" or "Commission on Human Rights")
            text.Append(resolution.Body).Append('\n');
        if (resolution.Session is { } session && SessionNumbers.ToOrdinal(session) is { } ordinal)
            text.Append(ordinal).Append(" session\n");
        if (resolution.AgendaItem is not null)
            text.Append("Agenda item ").Append(resolution.AgendaItem).Append('\n');
        text.Append('\n');
        if (resolution.Sponsors.Count > 0)
            Wrap(text, JoinStates(resolution.Sponsors) + ": draft resolution").Append('\n');
        if (resolution.Title is not null)
            Wrap(text, resolution.Title).Append('\n');
    }

    private static void WriteParagraph(StringBuilder text, int? number, ParsedParagraph paragraph)
    {
        if (number is not null)
            text.Append(number.Value.ToString(CultureInfo.InvariantCulture)).Append(".\n");
        Wrap(text, paragraph.Text).Append('\n');
        foreach (var item in paragraph.SubItems)
        {
            text.Append(item.Label).Append('\n');
            Wrap(text, item.Text).Append('\n');
        }
    }

    private static void WriteClosing(StringBuilder text, ParsedVote vote)
    {
        text.Append('\n').Append(vote.Meeting ?? "1st meeting").Append('\n');
        if (vote.Date is { } date)
            text.Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append('\n');
        if (vote.WithoutVote)
        {
            text.Append("[Adopted without a vote.]\n");
            return;
        }
        if (vote.Rows.Count == 0)
            return;
        text.Append("\n[Adopted by a recorded vote. The voting was as follows:\n");
        foreach (var (heading, choice) in (ReadOnlySpan<(string, string)>)[("In favour:", "Yes"), ("Against:", "No"), ("Abstaining:", "Abstain")])
        {
            var states = vote.Rows.Where(r => r.Choice == choice).Select(r => r.State).ToList();
            if (states.Count > 0)
                text.Append('\n').Append(heading).Append('\n').Append(string.Join(", ", states)).Append('\n');
        }
        text.Length--;
        text.Append("]\n");
    }

    private static string JoinStates(IReadOnlyList<string> states) =>
        states.Count == 1 ? states[0] : string.Join(", ", states.Take(states.Count - 1)) + " and " + states[^1];

    private static string TopLine(string? body) => body switch
    {
        "Security Council" => "Security Council",
        "Economic and Social Council" or "Commission on Human Rights" => "Economic and Social Council",
        _ => "General Assembly",
    };

    private static string OpeningFormula(string? body) => body switch
    {
        "Human Rights Council" or "Security Council" or "Economic and Social Council" or "Commission on Human Rights" => $"The {body},",
        _ => "The General Assembly,",
    };

    // Hard line breaks at spaces, then a blank line, as PDF extraction gives paragraphs.
    private static StringBuilder Wrap(StringBuilder text, string paragraph)
    {
        var width = 0;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (width > 0 && width + 1 + word.Length > LineWidth)
            {
                text.Append('\n');
                width = 0;
            }
            else if (width > 0)
            {
                text.Append(' ');
                width++;
            }
            text.Append(word);
            width += word.Length;
        }
        return text.Append('\n');
    }
}
