using System.Net;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using ResolutionTracker.Web.Briefings;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Where the page marks the briefing's own notes (the signatories' note, numbered 1), by the rule of
// BriefingDocument.NoteAnchorPhrase, which the Word export follows too. The position and introduction arrive as
// HTML (Rendered.Paragraphs, Rendered.Markdown), read by AngleSharp's HTML tokenizer: the markers go in at a text
// position, never inside a tag, an attribute or a comment, and never inside a link (after its closing tag
// instead, so the marker stays its own link). They are spliced into the HTML at the tokens' source offsets and
// everything else is kept byte for byte: serialising a parsed DOM again would re-encode what SymbolText wrote.
public static class NoteAnchor
{
    public sealed record Placement(string Position, string Introduction, bool OnHeading);

    // The elements a paragraph ends at: the first of these after some text closes the first paragraph.
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "div", "table",
    };

    // markers is the markers' HTML; null or empty when the briefing has no notes of its own (nothing moves).
    public static Placement Place(string position, string introduction, string? markers)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(introduction);
        if (string.IsNullOrEmpty(markers))
            return new Placement(position, introduction, OnHeading: false);
        if (AfterPhrase(position, BriefingDocument.NoteAnchorPhrase, markers) is { } p)
            return new Placement(p, introduction, OnHeading: false);
        if (AfterPhrase(introduction, BriefingDocument.NoteAnchorPhrase, markers) is { } i)
            return new Placement(position, i, OnHeading: false);
        if (AtEndOfFirstParagraph(position, markers) is { } firstOfPosition)
            return new Placement(firstOfPosition, introduction, OnHeading: false);
        if (AtEndOfFirstParagraph(introduction, markers) is { } firstOfIntroduction)
            return new Placement(position, firstOfIntroduction, OnHeading: false);
        return new Placement(position, introduction, OnHeading: true);
    }

    // The HTML with marker inserted after the first whole-word occurrence of phrase (any case) in its text, or
    // null when the text does not contain it. Character references count as the characters they stand for.
    public static string? AfterPhrase(string html, string phrase, string marker)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentException.ThrowIfNullOrEmpty(phrase);
        ArgumentNullException.ThrowIfNull(marker);
        var linkDepth = 0;
        var foundInLink = false;
        foreach (var piece in Read(html))
        {
            if (piece.Tag is { } tag)
            {
                if (!tag.Equals("a", StringComparison.OrdinalIgnoreCase) || piece.SelfClosing)
                    continue;
                linkDepth = Math.Max(0, linkDepth + (piece.Closing ? -1 : 1));
                // A phrase found inside a link is marked just after the link.
                if (foundInLink && linkDepth == 0)
                    return Insert(html, piece.End, marker);
                continue;
            }
            if (foundInLink)
                continue;
            var text = Decode(html, piece.Start, piece.End);
            var at = FindWord(text.Value, phrase);
            if (at < 0)
                continue;
            if (linkDepth == 0)
                return Insert(html, text.RawEnds[at + phrase.Length - 1], marker);
            foundInLink = true;
        }
        // A link left open (never in sanitised HTML): the end of the HTML is after it.
        return foundInLink ? Insert(html, html.Length, marker) : null;
    }

    // The HTML with marker inserted at the end of its first paragraph (before the first block boundary that
    // follows some visible text), or null when the HTML has no visible text.
    public static string? AtEndOfFirstParagraph(string html, string marker)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(marker);
        var seenText = false;
        foreach (var piece in Read(html))
        {
            if (piece.Tag is null)
                seenText |= !string.IsNullOrWhiteSpace(Decode(html, piece.Start, piece.End).Value);
            else if (seenText && BlockTags.Contains(piece.Tag))
                return Insert(html, piece.Start, marker);
        }
        return seenText ? Insert(html, html.Length, marker) : null;
    }

    private static string Insert(string html, int at, string marker) => string.Concat(html.AsSpan(0, at), marker, html.AsSpan(at));

    // A whole-word match: "your organisations" does not contain "our organisations".
    private static int FindWord(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return at;
        }
        return -1;
    }

    // A start or end tag (Tag is its name), or a run of text between tags (Tag is null), with its span in the HTML.
    // Comments and declarations are neither, so they are left out (and end a run of text).
    private readonly record struct Piece(int Start, int End, string? Tag, bool Closing, bool SelfClosing);

    private static List<Piece> Read(string html)
    {
        var pieces = new List<Piece>();
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
        {
            OnToken = (token, range) =>
            {
                var start = range.Start.Index;
                var end = Math.Min(range.End.Index, html.Length);
                if (token is HtmlTagToken tag)
                    pieces.Add(new Piece(start, end, tag.Name, tag.Type == HtmlTokenType.EndTag, tag.IsSelfClosing));
                // The tokenizer may split one run of text in two (at a '<' that opens no tag): it is one run here.
                else if (token.Type == HtmlTokenType.Character && pieces is [.., { Tag: null } last] && last.End == start)
                    pieces[^1] = last with { End = end };
                else if (token.Type == HtmlTokenType.Character)
                    pieces.Add(new Piece(start, end, null, false, false));
            },
        };
        while (tokenizer.Get().Type != HtmlTokenType.EndOfFile)
        {
        }
        return pieces;
    }

    // The text a run of HTML stands for, with, for each of its characters, the offset in the HTML just after it,
    // so that a place found in the text is a place in the HTML (a marker never splits a character reference).
    private sealed record DecodedText(string Value, int[] RawEnds);

    private static DecodedText Decode(string html, int start, int end)
    {
        var value = new StringBuilder(end - start);
        var rawEnds = new List<int>(end - start);
        var i = start;
        while (i < end)
        {
            var next = i + 1;
            var text = html.AsSpan(i, 1);
            var semicolon = html[i] == '&' ? html.IndexOf(';', next, Math.Min(32, end - next)) : -1;
            if (semicolon > next)
            {
                var reference = html[i..(semicolon + 1)];
                var decoded = WebUtility.HtmlDecode(reference);
                if (decoded != reference)
                {
                    next = semicolon + 1;
                    text = decoded;
                }
            }
            foreach (var c in text)
            {
                value.Append(c);
                rawEnds.Add(next);
            }
            i = next;
        }
        return new DecodedText(value.ToString(), [.. rawEnds]);
    }
}
