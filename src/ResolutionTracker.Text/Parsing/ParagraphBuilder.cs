using System.Text;
using System.Text.RegularExpressions;

namespace ResolutionTracker.Text.Parsing;

// Turns the body's blocks into preambular and operative paragraphs with their sub-items.
internal static partial class ParagraphBuilder
{
    public sealed record Result(List<ParsedParagraph> Preambular, List<ParsedParagraph> Operative);

    public static bool IsNumbered(string text) => Numbered().IsMatch(text);

    public static bool IsSubItem(string text) => SubItem().IsMatch(text);

    public static bool IsLabelOnly(string text) => LabelOnly().IsMatch(text);

    public static Result Build(List<string> blocks, ParseWarnings warnings, CancellationToken cancellationToken)
    {
        var preambular = new List<ParagraphDraft>();
        var operative = new List<ParagraphDraft>();
        var previousNumber = 0;
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var numbered = Numbered().Match(block);
            if (numbered.Success)
            {
                var number = int.Parse(numbered.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                CheckNumber(previousNumber, number, warnings);
                previousNumber = number;
                operative.Add(new ParagraphDraft(number, numbered.Groups["rest"].Value));
                continue;
            }

            var owner = operative.Count > 0 ? operative[^1] : preambular.Count > 0 ? preambular[^1] : null;
            var subItem = SubItem().Match(block);
            if (subItem.Success && owner is not null)
            {
                owner.AddSubItem(subItem.Groups["l"].Value, subItem.Groups["rest"].Value, operative.Count > 0 ? "operative" : "preambular", warnings);
                continue;
            }

            if (operative.Count > 0)
            {
                warnings.Add($"text after operative paragraph {operative[^1].Number} has no number and was joined to it: \"{Start(block)}\"");
                operative[^1].Append(block);
                continue;
            }

            var paragraph = new ParagraphDraft(preambular.Count + 1, block);
            if (subItem.Success)
                warnings.Add($"sub-item \"{Start(block)}\" comes before any paragraph; kept as a preambular paragraph");
            else if (!OpeningWords.LooksPreambular(block))
                warnings.Add($"preambular paragraph {paragraph.Number} begins with \"{OpeningWords.FirstWord(block)}\", not a usual opening word: \"{Start(block)}\"");
            preambular.Add(paragraph);
        }
        return new Result(preambular.Select(p => p.Build()).ToList(), operative.Select(p => p.Build()).ToList());
    }

    private static void CheckNumber(int previous, int number, ParseWarnings warnings)
    {
        if (previous == 0 && number != 1)
            warnings.Add($"operative numbering starts at {number}");
        else if (previous > 0 && number > previous + 1)
            warnings.Add($"operative numbering jumps from {previous} to {number}");
        else if (previous > 0 && number <= previous)
            warnings.Add($"operative numbering goes back from {previous} to {number}");
    }

    private static string Start(string text) => text.Length <= 60 ? text : text[..60] + "...";

    // Text joined to a paragraph or to its last sub-item is collected in builders: a paragraph that thousands
    // of blocks are joined to is built once, not copied at each join.
    private sealed class ParagraphDraft(int number, string text)
    {
        private readonly List<ParsedSubItem> subItems = [];
        private readonly StringBuilder text = new(text);
        private readonly StringBuilder joinedToLastItem = new();
        private char? lastLetter;

        public int Number { get; } = number;

        public void Append(string more) =>
            (subItems.Count > 0 ? joinedToLastItem : text).Append(' ').Append(more);

        // "(i)" is the ninth letter after "(h)", and a roman numeral under a lettered item otherwise;
        // the same for "(v)" after "(u)" and "(x)" after "(w)".
        public void AddSubItem(string label, string itemText, string kind, ParseWarnings warnings)
        {
            var isLetter = RomanNumerals.Value(label) is null
                || (label.Length == 1 && lastLetter is char last && label[0] == last + 1);
            var level = 1;
            if (isLetter && label.Length == 1)
            {
                var expected = lastLetter is char l ? (char)(l + 1) : 'a';
                if (label[0] != expected)
                {
                    warnings.Add(lastLetter is char before
                        ? $"sub-items of {kind} paragraph {Number} go from ({before}) to ({label})"
                        : $"sub-items of {kind} paragraph {Number} start at ({label})");
                }
                lastLetter = label[0];
            }
            else if (!isLetter && lastLetter is not null)
            {
                level = 2;
            }
            CloseLastItem();
            subItems.Add(new ParsedSubItem($"({label})", itemText.Trim(), level));
        }

        public ParsedParagraph Build()
        {
            CloseLastItem();
            return new(Number, text.ToString().Trim(), subItems.ToList());
        }

        private void CloseLastItem()
        {
            if (joinedToLastItem.Length == 0)
                return;
            subItems[^1] = subItems[^1] with { Text = subItems[^1].Text + joinedToLastItem };
            joinedToLastItem.Clear();
        }
    }

    [GeneratedRegex(@"^(?<n>[0-9]{1,3})\.(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^\((?<l>[a-z]{1,5})\)(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SubItem();

    [GeneratedRegex(@"^(?:[0-9]{1,3}\.|\([a-z]{1,5}\))$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelOnly();
}
