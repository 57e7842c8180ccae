using System.Net;
using ResolutionTracker.Web.Briefings;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// Where the page marks the briefing's own notes (the signatories' note, numbered 1): the Word export's rule
// (BriefingDocx.AnchorBriefingNotes), so that note 1 is also the first marker a reader meets. After the first
// "our organisations" in the position, else in the introduction; else at the end of the first paragraph of the
// position, else of the introduction; else on the "Our position" heading. The position and introduction arrive
// as sanitised HTML (Rendered.Paragraphs, Rendered.Markdown): the markers go in at a text position, never inside
// a tag or an attribute, and never inside a link (after its closing tag instead, so the marker stays its own link).
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
    // null when the text does not contain it. Entities count as the characters they stand for.
    public static string? AfterPhrase(string html, string phrase, string marker)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentException.ThrowIfNullOrEmpty(phrase);
        ArgumentNullException.ThrowIfNull(marker);
        var linkDepth = 0;
        var foundInLink = false;
        foreach (var token in Tokens(html))
        {
            if (token.Tag is { } tag)
            {
                if (!tag.Equals("a", StringComparison.OrdinalIgnoreCase) || token.SelfClosing)
                    continue;
                linkDepth = Math.Max(0, linkDepth + (token.Closing ? -1 : 1));
                // A phrase found inside a link is marked just after the link.
                if (foundInLink && linkDepth == 0)
                    return Insert(html, token.End, marker);
                continue;
            }
            if (foundInLink)
                continue;
            var text = Decode(html, token.Start, token.End);
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
        foreach (var token in Tokens(html))
        {
            if (token.Tag is null)
            {
                seenText |= !string.IsNullOrWhiteSpace(Decode(html, token.Start, token.End).Value);
                continue;
            }
            if (seenText && BlockTags.Contains(token.Tag))
                return Insert(html, token.Start, marker);
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

    // One tag (Tag is its name, "!" for a comment or declaration) or one run of text between tags.
    private readonly record struct Token(int Start, int End, string? Tag, bool Closing, bool SelfClosing);

    private static IEnumerable<Token> Tokens(string html)
    {
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<' && TagAt(html, i) is { } tag)
            {
                yield return tag;
                i = tag.End;
                continue;
            }
            var next = html.IndexOf('<', i + 1);
            while (next >= 0 && TagAt(html, next) is null)
                next = html.IndexOf('<', next + 1);
            var end = next < 0 ? html.Length : next;
            yield return new Token(i, end, null, false, false);
            i = end;
        }
    }

    // The tag starting at a '<', or null when that '<' is text (as an HTML parser would read it). Quoted
    // attribute values may hold '>' (the sanitiser does not encode it there), so the tag ends at the first '>'
    // outside quotes.
    private static Token? TagAt(string html, int start)
    {
        if (html.AsSpan(start).StartsWith("<!--", StringComparison.Ordinal))
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return new Token(start, close < 0 ? html.Length : close + 3, "!", false, false);
        }
        var j = start + 1;
        var closing = j < html.Length && html[j] == '/';
        if (closing)
            j++;
        if (j >= html.Length || !(char.IsAsciiLetter(html[j]) || (!closing && (html[j] == '!' || html[j] == '?'))))
            return null;
        var nameStart = j;
        while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-' || html[j] == ':'))
            j++;
        var name = html[nameStart] is '!' or '?' ? "!" : html[nameStart..j];
        var quote = '\0';
        for (; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '>')
                return new Token(start, j + 1, name, closing, html[j - 1] == '/');
        }
        return new Token(start, html.Length, name, closing, false);
    }

    // The text a run of HTML stands for, with, for each of its characters, the index in the HTML just after it.
    private sealed record DecodedText(string Value, int[] RawEnds);

    private static DecodedText Decode(string html, int start, int end)
    {
        var value = new System.Text.StringBuilder(end - start);
        var rawEnds = new List<int>(end - start);
        var i = start;
        while (i < end)
        {
            if (html[i] == '&')
            {
                var semicolon = html.IndexOf(';', i + 1, Math.Min(32, end - i - 1));
                if (semicolon > i + 1)
                {
                    var entity = html[i..(semicolon + 1)];
                    var decoded = WebUtility.HtmlDecode(entity);
                    if (decoded != entity)
                    {
                        foreach (var c in decoded)
                        {
                            value.Append(c);
                            rawEnds.Add(semicolon + 1);
                        }
                        i = semicolon + 1;
                        continue;
                    }
                }
            }
            value.Append(html[i]);
            rawEnds.Add(i + 1);
            i++;
        }
        return new DecodedText(value.ToString(), [.. rawEnds]);
    }
}
