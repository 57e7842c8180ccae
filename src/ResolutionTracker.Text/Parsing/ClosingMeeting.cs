using System.Globalization;
using System.Text.RegularExpressions;

namespace ResolutionTracker.Text.Parsing;

// The lines an adopted text ends with: "22nd plenary meeting", the date, and in Human Rights Council
// resolutions "[Adopted without a vote.]" or the recorded vote state by state.
internal static partial class ClosingMeeting
{
    public static bool IsMeetingLine(string line) => MeetingLine().IsMatch(line.Trim());

    public static ParsedVote Read(IReadOnlyList<string> lines)
    {
        var meeting = lines.Count > 0 ? lines[0].Trim() : null;
        DateOnly? date = null;
        foreach (var line in lines.Skip(1))
        {
            if (PageFurniture.IsDateLine(line))
            {
                date = ParseDate(line.Trim());
                break;
            }
        }
        var text = TextShape.CollapseSpaces(LineJoiner.Join(lines.Skip(1)));
        var withoutVote = text.Contains("without a vote", StringComparison.OrdinalIgnoreCase);
        var rows = new List<ParsedVoteRow>();
        AddRows(rows, text, "In favour:", "Yes");
        AddRows(rows, text, "Against:", "No");
        AddRows(rows, text, "Abstaining:", "Abstain");
        return new ParsedVote(date, meeting, withoutVote, rows);
    }

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static void AddRows(List<ParsedVoteRow> rows, string text, string heading, string choice)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
            return;
        start += heading.Length;
        var end = text.Length;
        foreach (var next in (string[])["In favour:", "Against:", "Abstaining:", "]"])
        {
            var at = text.IndexOf(next, start, StringComparison.Ordinal);
            if (at >= 0 && at < end)
                end = at;
        }
        foreach (var state in StateList.Split(text[start..end].Trim().TrimEnd('.')))
            rows.Add(new ParsedVoteRow(state, choice));
    }

    [GeneratedRegex(@"^[0-9]{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingLine();
}
