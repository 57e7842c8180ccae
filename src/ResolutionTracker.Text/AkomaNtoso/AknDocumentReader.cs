using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Text.AkomaNtoso;

// One reading of one document: collects the warnings and footnotes met on the way. The metadata and the
// recorded vote are in AknDocumentReader.Meta.cs; the preamble and operative part here.
internal sealed partial class AknDocumentReader
{
    private static readonly XNamespace Akn = AknReader.Namespace;

    // Elements that start a new block of text, so words either side of them never run together.
    private static readonly HashSet<string> BlockElements =
    [
        "p", "content", "intro", "wrapUp", "list", "point", "item", "indent", "alinea", "subparagraph",
        "paragraph", "blockList", "listIntroduction", "listWrapUp", "heading", "subheading", "num",
        "container", "blockContainer", "tblock", "recital", "citation", "formula", "table", "tr", "td", "th",
        "ul", "ol", "li", "div", "toc", "tocItem",
    ];

    // Inline elements of Akoma Ntoso whose text simply belongs to the sentence around them.
    private static readonly HashSet<string> InlineElements =
    [
        "span", "i", "b", "u", "sup", "sub", "a", "abbr", "inline", "marker", "img", "docNumber", "docTitle",
        "docDate", "docAuthority", "docStatus", "docProponent", "docType", "docStage", "docPurpose", "docCommittee",
        "docIntroducer", "docJurisdiction", "shortTitle", "session", "legislature", "date", "time", "ref", "mref",
        "rref", "organization", "person", "location", "quantity", "term", "concept", "object", "event", "role",
        "entity", "def", "outcome", "vote", "noteRef", "placeholder", "fillIn", "omissis", "ins", "del",
        "extractText", "embeddedText", "affectedDocument", "relatedDocument", "signature", "recordedTime",
        "decoration", "argument", "process", "opinion", "party", "judge", "lawyer", "courtType", "neutralCitation",
        "change", "remark", "subFlow", "foreign",
    ];

    // Elements that are one numbered item below a paragraph: (a), (b), (i) ...
    private static readonly HashSet<string> ItemElements =
        ["point", "item", "indent", "alinea", "subparagraph", "paragraph", "subsection", "clause"];

    // Elements that only group paragraphs (a part, a heading container); their paragraphs are read in order.
    private static readonly HashSet<string> GroupElements =
    [
        "hcontainer", "division", "section", "part", "chapter", "title", "subdivision", "level", "article",
        "tblock", "blockContainer", "container", "book", "subchapter", "subpart", "subtitle",
    ];

    private const int MaxWarnings = 100;

    private static readonly HashSet<string> KnownDocumentParts =
        ["meta", "coverPage", "preface", "preamble", "mainBody", "conclusions", "attachments", "components"];

    private readonly XElement root;
    private readonly CancellationToken cancellationToken;
    private readonly List<string> warnings = [];
    private readonly List<ParsedFootnote> footnotes = [];
    private readonly HashSet<string> footnoteIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> reportedElements = new(StringComparer.Ordinal);
    private readonly Dictionary<List<ParsedSubItem>, (int Scanned, string? Label)> levelOneLabels = new(ReferenceEqualityComparer.Instance);

    public AknDocumentReader(XElement root, CancellationToken cancellationToken)
    {
        this.root = root;
        this.cancellationToken = cancellationToken;
    }

    public ParsedResolution Read()
    {
        var document = root.Elements().FirstOrDefault()
            ?? throw new AknFormatException("The <akomaNtoso> element is empty: the file holds no document.");
        CheckDocumentType(document);

        var meta = document.Element(Akn + "meta");
        var coverPage = document.Element(Akn + "coverPage");
        var preface = document.Element(Akn + "preface");
        var preamble = document.Element(Akn + "preamble");
        var mainBody = document.Element(Akn + "mainBody") ?? document.Element(Akn + "body");
        var conclusions = document.Element(Akn + "conclusions");
        ReportOtherParts(document);

        // Read in document order so footnotes come out in the order of their markers.
        var symbol = ReadSymbol(meta, coverPage, preface);
        var title = ReadTitle(coverPage, preface);
        var (preambular, formula) = ReadPreamble(preamble);
        var operative = ReadOperative(mainBody);
        var vote = ReadVote(meta, conclusions);
        CheckFootnoteMarkers();

        return new ParsedResolution
        {
            Symbol = symbol,
            Title = title,
            Body = ReadBody(coverPage, formula, meta),
            Session = ReadSession(coverPage, preface),
            AgendaItem = ReadAgendaItem(coverPage),
            Date = ReadDate(meta, conclusions),
            Sponsors = ReadSponsors(meta),
            Preambular = preambular,
            Operative = operative,
            Footnotes = footnotes,
            Vote = vote,
            Warnings = Summarised(warnings),
        };
    }

    // A real file gives a handful of warnings; a broken or hostile one can give one per element, which
    // nobody reads and which the preview would post back as thousands of fields.
    private static List<string> Summarised(List<string> warnings)
    {
        if (warnings.Count <= MaxWarnings)
            return warnings;
        var kept = warnings.Take(MaxWarnings - 1).ToList();
        kept.Add(string.Create(CultureInfo.InvariantCulture,
            $"{warnings.Count - kept.Count} more warnings are not shown: the file is far from the structure of a UN resolution."));
        return kept;
    }

    private void CheckDocumentType(XElement document)
    {
        if (document.Name != Akn + "statement")
        {
            warnings.Add($"The document is an Akoma Ntoso <{document.Name.LocalName}>, not the <statement> the UN " +
                         "uses for resolutions; it was read as far as its structure allows.");
            return;
        }
        var name = (string?)document.Attribute("name");
        if (name is not null && !string.Equals(name, "resolution", StringComparison.OrdinalIgnoreCase)
                             && !name.Contains("draft", StringComparison.OrdinalIgnoreCase))
            warnings.Add($"The statement is named \"{name}\", not \"resolution\".");
    }

    private void ReportOtherParts(XElement document)
    {
        foreach (var part in document.Elements())
        {
            var name = part.Name.LocalName;
            if (name == "attachments")
            {
                var count = part.Elements().Count();
                warnings.Add($"The document has {count} attachment(s) (such as an annex); their text is not imported.");
            }
            else if (!KnownDocumentParts.Contains(name) && !(name == "body" && document.Element(Akn + "mainBody") is null))
            {
                var text = AknText.Normalise(part.Value);
                warnings.Add(text.Length == 0
                    ? $"An unrecognised part <{name}> of the document was skipped."
                    : $"An unrecognised part <{name}> of the document was skipped; its text: \"{AknText.Snip(text)}\"");
            }
        }
    }

    // ---- Preamble ---------------------------------------------------------------------------------

    private (List<ParsedParagraph> Paragraphs, string? Formula) ReadPreamble(XElement? preamble)
    {
        var paragraphs = new List<ParsedParagraph>();
        string? formula = null;
        if (preamble is null)
        {
            warnings.Add("The document has no preamble.");
            return (paragraphs, formula);
        }

        foreach (var element in preamble.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "formula":
                    formula ??= TextOf(element);
                    break;
                case "recitals" or "citations":
                    foreach (var inner in element.Elements())
                    {
                        if (inner.Name.LocalName is "intro" or "heading")
                        {
                            var intro = TextOf(inner);
                            if (intro.Length > 0)
                                warnings.Add($"The introduction \"{AknText.Snip(intro)}\" of a group of recitals was kept as a preambular paragraph of its own.");
                        }
                        AddPreambular(paragraphs, inner);
                    }
                    break;
                case "container" or "recital" or "citation" or "p" or "blockContainer" or "tblock":
                    AddPreambular(paragraphs, element);
                    break;
                default:
                    if (AddPreambular(paragraphs, element))
                        warnings.Add($"An unrecognised element <{element.Name.LocalName}> in the preamble was kept as preambular paragraph {paragraphs.Count}.");
                    break;
            }
        }
        return (paragraphs, formula);
    }

    private bool AddPreambular(List<ParsedParagraph> paragraphs, XElement element)
    {
        var text = new StringBuilder();
        var subItems = new List<ParsedSubItem>();
        ReadParts(element, text, subItems, 1);
        var normalised = AknText.Normalise(text.ToString());
        if (normalised.Length == 0 && subItems.Count == 0)
            return false;
        paragraphs.Add(new ParsedParagraph(paragraphs.Count + 1, normalised, subItems));
        return true;
    }

    // ---- Operative part ---------------------------------------------------------------------------

    // Its text grows in a builder: a file can follow one paragraph with many thousands of unnumbered blocks.
    private sealed class Operative(int number, string text, List<ParsedSubItem> subItems)
    {
        private readonly StringBuilder text = new(text);

        public int Number { get; } = number;
        public string Text => text.ToString();
        public List<ParsedSubItem> SubItems { get; } = subItems;

        // Both parts are normalised already, so a single space joins them.
        public void Append(string more)
        {
            if (more.Length == 0)
                return;
            if (text.Length > 0)
                text.Append(' ');
            text.Append(more);
        }
    }

    private List<ParsedParagraph> ReadOperative(XElement? mainBody)
    {
        var operative = new List<Operative>();
        var unnumbered = new List<(string Text, List<ParsedSubItem> SubItems)>();
        if (mainBody is null)
        {
            warnings.Add("The document has no operative part (no <mainBody>).");
            return [];
        }

        ReadOperativeElements(mainBody, operative, unnumbered);

        if (operative.Count == 0 && unnumbered.Count > 0)
        {
            warnings.Add($"The operative part has no numbered paragraphs; its {unnumbered.Count} paragraph(s) were numbered by position.");
            return unnumbered.Select((u, i) => new ParsedParagraph(i + 1, u.Text, u.SubItems)).ToList();
        }
        foreach (var (text, _) in unnumbered)
            warnings.Add($"Unnumbered text before the first operative paragraph was not imported: \"{AknText.Snip(text)}\"");
        if (operative.Count == 0)
            warnings.Add("No operative paragraphs were found.");

        return operative.Select(o => new ParsedParagraph(o.Number, o.Text, o.SubItems)).ToList();
    }

    private void ReadOperativeElements(
        XElement parent, List<Operative> operative, List<(string Text, List<ParsedSubItem> SubItems)> unnumbered)
    {
        foreach (var element in parent.Elements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = element.Name.LocalName;
            if (name == "paragraph")
            {
                ReadOperativeParagraph(element, operative, unnumbered);
            }
            else if (GroupElements.Contains(name) && element.Descendants(Akn + "paragraph").Any())
            {
                warnings.Add($"A grouping element <{name}> in the operative part was flattened; its paragraphs were read in order.");
                ReadOperativeElements(element, operative, unnumbered);
            }
            else if (name == "authorialNote")
            {
                AddFootnote(element);
            }
            else
            {
                var text = new StringBuilder();
                var subItems = new List<ParsedSubItem>();
                ReadParts(element, text, subItems, 1, wrapped: true);
                AddUnnumbered(AknText.Normalise(text.ToString()), subItems, operative, unnumbered, name);
            }
        }
    }

    private void ReadOperativeParagraph(
        XElement paragraph, List<Operative> operative, List<(string Text, List<ParsedSubItem> SubItems)> unnumbered)
    {
        var num = paragraph.Element(Akn + "num");
        var text = new StringBuilder();
        var subItems = new List<ParsedSubItem>();
        ReadParts(paragraph, text, subItems, 1);
        var normalised = AknText.Normalise(text.ToString());

        var printed = num is null ? "" : AknText.Normalise(TextOf(num));
        if (printed.Length == 0)
        {
            AddUnnumbered(normalised, subItems, operative, unnumbered, null);
            return;
        }

        var previous = operative.Count == 0 ? (int?)null : operative[^1].Number;
        var number = AknText.ParseNumber(printed);
        if (number is null)
        {
            number = (previous ?? 0) + 1;
            warnings.Add($"The operative paragraph numbered \"{printed}\" was read as paragraph {number}.");
        }
        else if (previous is null && number != 1)
            warnings.Add($"Operative numbering starts at {number}, not 1.");
        else if (previous is not null && number == previous)
            warnings.Add($"Operative paragraph number {number} appears twice.");
        else if (previous is not null && number < previous)
            warnings.Add($"Operative numbering goes back from {previous} to {number}.");
        else if (previous is not null && number > previous + 1)
            warnings.Add($"Operative numbering jumps from {previous} to {number}.");

        if (normalised.Length == 0 && subItems.Count == 0)
            warnings.Add($"Operative paragraph {number} has no text.");
        operative.Add(new Operative(number.Value, normalised, subItems));
    }

    // An unnumbered block in the operative part is a sub-item printed as its own paragraph when it opens
    // with a label, else text that continues the paragraph before it.
    private void AddUnnumbered(
        string text, List<ParsedSubItem> subItems, List<Operative> operative,
        List<(string Text, List<ParsedSubItem> SubItems)> unnumbered, string? elementName)
    {
        if (text.Length == 0 && subItems.Count == 0)
            return;
        if (operative.Count == 0)
        {
            unnumbered.Add((text, subItems));
            return;
        }

        var current = operative[^1];
        if (AknText.TrySplitLabel(text, out var label, out var rest))
        {
            var level = AknText.LevelOf(label, LastLevelOneLabel(current.SubItems));
            current.SubItems.Add(new ParsedSubItem(label, rest, level));
            current.SubItems.AddRange(subItems.Select(s => s with { Level = s.Level + level }));
            return;
        }

        current.Append(text);
        current.SubItems.AddRange(subItems);
        var what = elementName is null ? "An unnumbered paragraph" : $"Text in an unrecognised element <{elementName}>";
        warnings.Add($"{what} after operative paragraph {current.Number} was added to its text: \"{AknText.Snip(text)}\"");
    }

    // The label of the last first-level item of a list, found from where the last look ended: the lists only
    // grow, and a file with many thousands of second-level items would otherwise be searched once for each.
    private string? LastLevelOneLabel(List<ParsedSubItem> subItems)
    {
        var (scanned, label) = levelOneLabels.GetValueOrDefault(subItems);
        for (var i = scanned; i < subItems.Count; i++)
        {
            if (subItems[i].Level == 1)
                label = subItems[i].Label;
        }
        levelOneLabels[subItems] = (subItems.Count, label);
        return label;
    }

    // ---- Structure below a paragraph --------------------------------------------------------------

    // Reads what a paragraph, preambular container or sub-item holds: its own text into `text`, its lettered
    // items into `subItems` at `level` (their own items one level deeper). <num> is the caller's business.
    private void ReadParts(XElement element, StringBuilder text, List<ParsedSubItem> subItems, int level, bool wrapped = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (wrapped && !HasStructure(element))
        {
            var blockText = TextOf(element, subItems, level);
            AddBlock(blockText, text, subItems, level);
            return;
        }

        foreach (var node in element.Nodes())
        {
            if (node is XText plain)
            {
                text.Append(plain.Value);
                continue;
            }
            if (node is not XElement child)
                continue;

            var name = child.Name.LocalName;
            switch (name)
            {
                case "num":
                    break;
                case "heading" or "subheading" or "intro" or "wrapUp" or "listIntroduction" or "listWrapUp":
                    text.Append(' ').Append(TextOf(child, subItems, level)).Append(' ');
                    break;
                case "content":
                    foreach (var block in child.Elements())
                        ReadBlock(block, text, subItems, level);
                    break;
                case "p":
                    ReadBlock(child, text, subItems, level);
                    break;
                case "list" or "blockList":
                    ReadParts(child, text, subItems, level);
                    break;
                case "authorialNote":
                    AddFootnote(child);
                    break;
                default:
                    if (ItemElements.Contains(name))
                    {
                        ReadSubItem(child, subItems, level);
                    }
                    else
                    {
                        var unknown = TextOf(child, subItems, level);
                        if (unknown.Length > 0)
                        {
                            warnings.Add($"An unrecognised element <{name}> was kept as text: \"{AknText.Snip(unknown)}\"");
                            text.Append(' ').Append(unknown).Append(' ');
                        }
                    }
                    break;
            }
        }
    }

    private void ReadBlock(XElement block, StringBuilder text, List<ParsedSubItem> subItems, int level)
    {
        var name = block.Name.LocalName;
        if (name is "list" or "blockList")
            ReadParts(block, text, subItems, level);
        else if (ItemElements.Contains(name))
            ReadSubItem(block, subItems, level);
        else if (name == "authorialNote")
            AddFootnote(block);
        else
            AddBlock(TextOf(block, subItems, level), text, subItems, level);
    }

    private static bool HasStructure(XElement element) =>
        element.Elements().Any(e => e.Name.LocalName is "content" or "list" or "num" or "intro" or "wrapUp"
                                    || ItemElements.Contains(e.Name.LocalName));

    // A block of text inside a paragraph: its first block is the paragraph's text; a later block that opens
    // with "(b)" is a sub-item printed as a block of its own.
    private void AddBlock(string block, StringBuilder text, List<ParsedSubItem> subItems, int level)
    {
        if (block.Length == 0)
            return;
        var hasText = AknText.HasText(text) || subItems.Count > 0;
        if (hasText && AknText.TrySplitLabel(block, out var label, out var rest))
        {
            // Below the first level the nesting already says how deep the block is.
            var labelLevel = level > 1 ? level : AknText.LevelOf(label, LastLevelOneLabel(subItems));
            subItems.Add(new ParsedSubItem(label, rest, labelLevel));
            return;
        }
        text.Append(' ').Append(block).Append(' ');
    }

    private void ReadSubItem(XElement item, List<ParsedSubItem> subItems, int level)
    {
        var text = new StringBuilder();
        var nested = new List<ParsedSubItem>();
        ReadParts(item, text, nested, level + 1);
        var normalised = AknText.Normalise(text.ToString());
        var label = AknText.NormaliseLabel(TextOf(item.Element(Akn + "num")));
        if (label is null)
        {
            if (AknText.TrySplitLabel(normalised, out var found, out var rest))
            {
                label = found;
                normalised = rest;
            }
            else
            {
                label = "";
                if (normalised.Length > 0)
                    warnings.Add($"A sub-item without a label was kept: \"{AknText.Snip(normalised)}\"");
            }
        }
        if (normalised.Length == 0 && nested.Count == 0)
            return;
        subItems.Add(new ParsedSubItem(label, normalised, level));
        subItems.AddRange(nested);
    }

    // ---- Text and footnotes -----------------------------------------------------------------------

    // The text of an element with layout undone and footnotes taken out (and recorded). A block list met
    // inside a paragraph gives its items to `subItems` when the caller collects them.
    private string TextOf(XElement? element, List<ParsedSubItem>? subItems = null, int level = 1)
    {
        if (element is null)
            return "";
        var text = new StringBuilder();
        AppendText(element, text, subItems, level);
        return AknText.Normalise(text.ToString());
    }

    private void AppendText(XElement element, StringBuilder text, List<ParsedSubItem>? subItems, int level)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var node in element.Nodes())
        {
            if (node is XText plain)
            {
                text.Append(plain.Value);
                continue;
            }
            if (node is not XElement child)
                continue;

            var name = child.Name.LocalName;
            if (name is "authorialNote" or "note")
            {
                AddFootnote(child);
            }
            else if (name is "eol" or "eop" or "br")
            {
                text.Append(' ');
            }
            else if (name == "blockList" && subItems is not null)
            {
                ReadParts(child, text, subItems, level);
            }
            else
            {
                var block = BlockElements.Contains(name);
                if (!block && !InlineElements.Contains(name) && reportedElements.Add(name))
                    warnings.Add($"An unrecognised element <{name}> was read as plain text.");
                if (block)
                    text.Append(' ');
                AppendText(child, text, subItems, level);
                if (block)
                    text.Append(' ');
            }
        }
    }

    private void AddFootnote(XElement note)
    {
        var id = (string?)note.Attribute("eId") ?? (string?)note.Attribute("id");
        if (id is not null && !footnoteIds.Add(id))
            return;
        var text = TextOf(note);
        var marker = ((string?)note.Attribute("marker"))?.Trim();
        if (string.IsNullOrEmpty(marker))
        {
            marker = (footnotes.Count + 1).ToString(CultureInfo.InvariantCulture);
            warnings.Add($"A footnote without a marker was numbered {marker}: \"{AknText.Snip(text)}\"");
        }
        footnotes.Add(new ParsedFootnote(marker, text));
    }

    private void CheckFootnoteMarkers()
    {
        foreach (var group in footnotes.GroupBy(f => f.Marker, StringComparer.Ordinal).Where(g => g.Count() > 1))
            warnings.Add($"Footnote marker {group.Key} is used {group.Count()} times.");
        foreach (var footnote in footnotes.Where(f => f.Text.Length == 0))
            warnings.Add($"Footnote {footnote.Marker} has no text.");
    }

    private static bool LooksLikeSymbol(string text) => SymbolRecognizer.IsSymbol(text);
}
