using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ResolutionTracker.Domain;
using ResolutionTracker.Text.Symbols;
using ResolutionTracker.Web.Briefings;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Exports;

// A published briefing as a Word document (.docx) a coalition can send to a mission as it is: A4, the same
// sections as the public page, and the notes as real Word footnotes (a FootnotesPart with one w:footnote per
// note, referenced from the body by w:footnoteReference). The references sit where the page puts its note
// markers for a concern's notes (after the concern's heading); the briefing's own notes (the signatories'
// note) hang on BriefingDocument.NoteAnchorPhrase (see AnchorBriefingNotes). Markdown bodies become plain Word
// paragraphs, bold/italic runs, bullet and numbered lists, block quotes and hyperlinks; UN symbols link to
// undocs.org as on the page.
public static class BriefingDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point, 2.5 cm margins.
    private const uint PageWidth = 11906;
    private const uint PageHeight = 16838;
    private const int Margin = 1418;

    // siteUrl ("https://example.org/") turns the page's site-relative links (the resolution's paragraphs)
    // into absolute ones; without it those references stay plain text.
    public static byte[] Build(BriefingDocument document, Uri? siteUrl = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            new Writer(package, document, siteUrl).Write();
        }
        return stream.ToArray();
    }

    private readonly record struct RunFormat(bool Bold = false, bool Italic = false, bool Strike = false, bool Code = false);

    private sealed class Writer
    {
        private readonly WordprocessingDocument _package;
        private readonly BriefingDocument _d;
        private readonly Uri? _site;
        private readonly MainDocumentPart _main;
        private readonly FootnotesPart _footnotes;
        private readonly Body _body = new();
        private readonly List<NumberingInstance> _numberings = [];
        private const int BulletAbstract = 1;
        private const int DecimalAbstract = 2;
        private const int BulletList = 1;

        public Writer(WordprocessingDocument package, BriefingDocument document, Uri? site)
        {
            _package = package;
            _d = document;
            _site = site;
            _main = package.AddMainDocumentPart();
            _footnotes = _main.AddNewPart<FootnotesPart>();
        }

        public void Write()
        {
            var d = _d;
            SetProperties();
            AddStyles();
            AddSettings();

            Para("Subtitle", Plain($"Briefing on {d.Resolution.Symbol}: {d.Resolution.Title}"));
            Para("Title", Plain(d.Title));
            var meta = $"{d.Resolution.Body}, {Formatting.Format.Session(d.Resolution.Session)} · Published {Formatting.Format.Date(d.PublishedAt)}";
            if (d.Number > 1)
                meta += string.Create(CultureInfo.InvariantCulture, $" · Version {d.Number}");
            Para("Subtitle", Plain(meta));

            var position = Para("Heading1", Plain("Our position: " + Stance(d.Stance)));
            PlainParagraphs(d.Position);

            if (!string.IsNullOrWhiteSpace(d.Introduction))
            {
                Para("Heading1", Plain("Introduction"));
                Markdown(d.Introduction, _main);
            }
            AnchorBriefingNotes(position);

            Para("Heading1", Plain("Key concerns"));
            if (d.Concerns.Count == 0)
                Para(null, Plain("This briefing lists no concerns."));
            for (var i = 0; i < d.Concerns.Count; i++)
                Concern(i + 1, d.Concerns[i]);

            Para("Heading1", Plain("Recommendations"));
            if (d.Recommendations.Count == 0)
                Para(null, Plain("This briefing makes no recommendations."));
            foreach (var group in d.Recommendations.GroupBy(r => string.IsNullOrWhiteSpace(r.AddressedTo) ? null : r.AddressedTo.Trim()))
            {
                Para("Heading3", Plain(group.Key is null ? "To all states" : "To " + group.Key));
                foreach (var r in group)
                    ListItem(BulletList, 0, Linked(r.Text, default, _main));
            }

            Para("Heading1", Plain("Signed by"));
            if (d.Signatories.Count == 0)
            {
                Para(null, Plain("No organisation signed this briefing."));
            }
            else
            {
                var list = NewOrderedList();
                foreach (var s in d.Signatories)
                {
                    var name = !string.IsNullOrWhiteSpace(s.ShortName) && s.ShortName != s.Name ? $"{s.Name} ({s.ShortName})" : s.Name;
                    ListItem(list, 0, Plain(name));
                }
            }

            Footnotes();
            Footer();
            _body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = _footerId },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 709, Footer = 709, Gutter = 0 }));
            _main.Document = new Document(_body);
            AddNumbering();
        }

        private string? _footerId;

        private void Concern(int number, ConcernSection c)
        {
            var heading = Para("Heading2", Plain(string.Create(CultureInfo.InvariantCulture, $"{number}. ")).Concat(Linked(c.Heading, default, _main)));
            heading.Append(References(c.NoteNumbers));
            Para("ConcernSeverity", Plain("Severity: " + Severity(c.Severity)));

            if (c.Paragraphs.Count == 0)
                Para("QuoteReference", Plain("About the text as a whole."));
            foreach (var p in c.Paragraphs)
            {
                var label = $"{_d.Resolution.Symbol}, {p.Reference}";
                var href = _site is null ? null : new Uri(_site, ResolutionLinks.PublicPath(_d.Resolution.Symbol) + "#" + p.Anchor).AbsoluteUri;
                Para("QuoteReference", href is null ? Plain(label) : [Hyperlink(_main, href, Plain(label, "Hyperlink"))]);
                var text = !string.IsNullOrWhiteSpace(p.Quote) ? p.Quote : p.Text;
                if (text is null)
                    Para("Quote", Plain("Text not imported."));
                else
                    Para("Quote", Linked(text, default, _main));
            }

            if (!string.IsNullOrWhiteSpace(c.Summary))
                Para(null, Linked(c.Summary, new RunFormat(Bold: true), _main));
            Markdown(c.Body, _main);
        }

        private void Footnotes()
        {
            var footnotes = new Footnotes(
                new Footnote(new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                    new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                    new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            foreach (var note in _d.Notes.OrderBy(n => n.Number))
            {
                var paragraph = new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }),
                    new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()),
                    TextRun(" ", default));
                paragraph.Append(Linked(note.Text, default, _footnotes));
                foreach (var cite in note.Citations)
                {
                    paragraph.Append(TextRun(" ", default));
                    if (!string.IsNullOrWhiteSpace(cite.Symbol))
                    {
                        paragraph.Append(Hyperlink(_footnotes, SymbolRecognizer.ToUrl(cite.Symbol.Trim()), Plain(cite.Symbol.Trim(), "Hyperlink")));
                        if (!string.IsNullOrWhiteSpace(cite.Url) || !string.IsNullOrWhiteSpace(cite.Label))
                            paragraph.Append(TextRun(" ", default));
                    }
                    if (!string.IsNullOrWhiteSpace(cite.Url))
                        paragraph.Append(Hyperlink(_footnotes, cite.Url, Plain(string.IsNullOrWhiteSpace(cite.Label) ? cite.Url : cite.Label, "Hyperlink")));
                    else if (!string.IsNullOrWhiteSpace(cite.Label))
                        paragraph.Append(TextRun($"({cite.Label})", default));
                }
                footnotes.Append(new Footnote(paragraph) { Id = note.Number });
            }
            _footnotes.Footnotes = footnotes;
        }

        private void Footer()
        {
            var footer = _main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
                TextRun(_d.Resolution.Symbol + " · page ", default),
                new SimpleField(new Run(new WText("1"))) { Instruction = " PAGE " }));
            _footerId = _main.GetIdOfPart(footer);
        }

        // Word numbers footnotes by where their references stand, so the briefing's own notes (numbered first,
        // as in the annex) must be referenced before any concern's, where BriefingDocument.NoteAnchorPhrase says.
        private void AnchorBriefingNotes(Paragraph positionHeading)
        {
            if (_d.NoteNumbers.Count == 0)
                return;
            var references = References(_d.NoteNumbers);
            var opening = positionHeading.ElementsAfter().OfType<Paragraph>()
                .TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Heading1" || p.InnerText == "Introduction")
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value != "Heading1")
                .ToList();
            foreach (var run in opening.SelectMany(p => p.Elements<Run>()))
            {
                var text = run.GetFirstChild<WText>();
                var at = text?.Text.IndexOf(BriefingDocument.NoteAnchorPhrase, StringComparison.OrdinalIgnoreCase) ?? -1;
                if (text is null || at < 0)
                    continue;
                var end = at + BriefingDocument.NoteAnchorPhrase.Length;
                var rest = (Run)run.CloneNode(true);
                rest.GetFirstChild<WText>()!.Text = text.Text[end..];
                text.Text = text.Text[..end];
                run.InsertAfterSelf(rest);
                foreach (var reference in Enumerable.Reverse(references))
                    run.InsertAfterSelf(reference);
                return;
            }
            var target = opening.FirstOrDefault() ?? positionHeading;
            target.Append(references);
        }

        // Consecutive markers are separated by a superscript comma ("2,3"), as a reader expects.
        private static List<OpenXmlElement> References(IReadOnlyList<int> numbers)
        {
            var runs = new List<OpenXmlElement>();
            foreach (var n in numbers)
            {
                if (runs.Count > 0)
                    runs.Add(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new WText(",")));
                runs.Add(FootnoteReferenceRun(n));
            }
            return runs;
        }

        private static Run FootnoteReferenceRun(int number) =>
            new(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = number });

        // ---- Markdown ------------------------------------------------------------------------------

        private void Markdown(string? markdown, OpenXmlPart part)
        {
            if (string.IsNullOrWhiteSpace(markdown))
                return;
            foreach (var block in Markdig.Markdown.Parse(markdown, Formatting.Markdown.Pipeline))
                Block(block, part, null, 0, null);
        }

        private void Block(Block block, OpenXmlPart part, int? list, int level, string? style)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Para("Heading4", Inlines(heading.Inline, default, part));
                    break;
                case ParagraphBlock paragraph when list is { } numId:
                    ListItem(numId, level, Inlines(paragraph.Inline, default, part));
                    break;
                case ParagraphBlock paragraph:
                    Para(style, Inlines(paragraph.Inline, default, part));
                    break;
                case ListBlock items:
                    var id = items.IsOrdered ? NewOrderedList() : BulletList;
                    var inner = list is null ? 0 : Math.Min(level + 1, 2);
                    foreach (var item in items.OfType<ListItemBlock>())
                    {
                        var first = true;
                        foreach (var child in item)
                        {
                            // Only the item's first paragraph carries the bullet; later ones are continuation text.
                            if (child is ParagraphBlock p && !first)
                                Para("ListContinue", Inlines(p.Inline, default, part)).ParagraphProperties!.Indentation =
                                    new Indentation { Left = ListIndent(inner).ToString(CultureInfo.InvariantCulture) };
                            else
                                Block(child, part, id, inner, style);
                            first = false;
                        }
                    }
                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                        Block(child, part, list, level, "Quote");
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                        Para("Code", Plain(line.ToString(), null, new RunFormat(Code: true)));
                    break;
                case ThematicBreakBlock:
                    Para(null, []);
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                        Block(child, part, list, level, style);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Para(style, Inlines(leaf.Inline, default, part));
                    break;
            }
        }

        private static List<OpenXmlElement> Inlines(ContainerInline? container, RunFormat format, OpenXmlPart part)
        {
            var result = new List<OpenXmlElement>();
            if (container is null)
                return result;
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        result.AddRange(Linked(literal.Content.ToString(), format, part));
                        break;
                    case CodeInline code:
                        result.Add(TextRun(code.Content, format with { Code = true }));
                        break;
                    case LineBreakInline lineBreak:
                        result.Add(lineBreak.IsHard ? new Run(new Break()) : TextRun(" ", format));
                        break;
                    case HtmlEntityInline entity:
                        result.Add(TextRun(entity.Transcoded.ToString(), format));
                        break;
                    case AutolinkInline auto:
                        result.Add(Hyperlink(part, auto.IsEmail ? "mailto:" + auto.Url : auto.Url, Plain(auto.Url, "Hyperlink", format)));
                        break;
                    case LinkInline { IsImage: false } link:
                        var text = Inlines(link, format, part).OfType<Run>().ToList();
                        foreach (var run in text)
                            (run.RunProperties ??= new RunProperties()).RunStyle = new RunStyle { Val = "Hyperlink" };
                        result.Add(Hyperlink(part, link.Url ?? "", text));
                        break;
                    case EmphasisInline emphasis:
                        var inner = emphasis.DelimiterChar switch
                        {
                            '~' => format with { Strike = true },
                            _ when emphasis.DelimiterCount >= 2 => format with { Bold = true },
                            _ => format with { Italic = true },
                        };
                        result.AddRange(Inlines(emphasis, inner, part));
                        break;
                    case ContainerInline nested:
                        result.AddRange(Inlines(nested, format, part));
                        break;
                }
            }
            return result;
        }

        // Plain text with UN symbols and web addresses turned into hyperlinks, as SymbolText does on the page.
        private static List<OpenXmlElement> Linked(string? text, RunFormat format, OpenXmlPart part)
        {
            var result = new List<OpenXmlElement>();
            if (string.IsNullOrEmpty(text))
                return result;
            var at = 0;
            foreach (var match in SymbolRecognizer.FindAll(text))
            {
                if (match.Start < at)
                    continue;
                if (match.Start > at)
                    result.Add(TextRun(text[at..match.Start], format));
                result.Add(Hyperlink(part, SymbolRecognizer.ToUrl(match.Symbol), Plain(text.Substring(match.Start, match.Length), "Hyperlink", format)));
                at = match.Start + match.Length;
            }
            if (at < text.Length)
                result.Add(TextRun(text[at..], format));
            return result;
        }

        private void PlainParagraphs(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
                return;
            var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var block in blocks)
            {
                var runs = new List<OpenXmlElement>();
                var lines = block.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                        runs.Add(new Run(new Break()));
                    runs.AddRange(Linked(lines[i], default, _main));
                }
                Para(null, runs);
            }
        }

        // ---- Elements ------------------------------------------------------------------------------

        private Paragraph Para(string? style, IEnumerable<OpenXmlElement> content)
        {
            var paragraph = new Paragraph(new ParagraphProperties());
            if (style is not null)
                paragraph.ParagraphProperties!.ParagraphStyleId = new ParagraphStyleId { Val = style };
            paragraph.Append(content);
            _body.Append(paragraph);
            return paragraph;
        }

        private void ListItem(int numId, int level, IEnumerable<OpenXmlElement> content)
        {
            var paragraph = Para("ListParagraph", content);
            paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = level }, new NumberingId { Val = numId });
        }

        private static List<OpenXmlElement> Plain(string text, string? style = null, RunFormat format = default) =>
            [TextRun(text, format, style)];

        private static Run TextRun(string text, RunFormat format, string? style = null)
        {
            var properties = new RunProperties();
            if (style is not null)
                properties.RunStyle = new RunStyle { Val = style };
            if (format.Code)
                properties.RunFonts = new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New", ComplexScript = "Courier New" };
            if (format.Bold)
                properties.Bold = new Bold();
            if (format.Italic)
                properties.Italic = new Italic();
            if (format.Strike)
                properties.Strike = new Strike();
            var run = new Run();
            if (properties.HasChildren)
                run.RunProperties = properties;
            run.Append(new WText(text) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }

        private static OpenXmlElement Hyperlink(OpenXmlPart part, string url, IEnumerable<OpenXmlElement> runs)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
                return new Run(runs.OfType<Run>().SelectMany(r => r.Elements<WText>()).Select(t => (OpenXmlElement)t.CloneNode(true)));
            var id = part.AddHyperlinkRelationship(uri, true).Id;
            var link = new Hyperlink { Id = id, History = true };
            link.Append(runs);
            return link;
        }

        private int NewOrderedList()
        {
            // Each ordered list restarts at 1: its own instance of the decimal definition.
            var id = _numberings.Count + 2;
            _numberings.Add(new NumberingInstance(
                new AbstractNumId { Val = DecimalAbstract },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = id });
            return id;
        }

        private static int ListIndent(int level) => 720 + (level * 360);

        // ---- Parts ---------------------------------------------------------------------------------

        private void SetProperties()
        {
            var properties = _package.PackageProperties;
            properties.Title = _d.Title;
            properties.Subject = $"Briefing on {_d.Resolution.Symbol}: {_d.Resolution.Title}";
            properties.Creator = _d.Signatories.Count > 0 ? string.Join("; ", _d.Signatories.Select(s => s.ShortName ?? s.Name)) : "ResolutionTracker";
            properties.Keywords = _d.Resolution.Symbol;
            properties.Language = "en-GB";
            properties.Created = _d.PublishedAt.UtcDateTime;
            properties.Modified = _d.PublishedAt.UtcDateTime;
            properties.Revision = _d.Number.ToString(CultureInfo.InvariantCulture);
        }

        private void AddSettings()
        {
            var settings = _main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(
                new FootnoteDocumentWideProperties(
                    new FootnoteSpecialReference { Id = -1 },
                    new FootnoteSpecialReference { Id = 0 }),
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
        }

        private void AddNumbering()
        {
            var numbering = _main.AddNewPart<NumberingDefinitionsPart>();
            var bullet = new AbstractNum { AbstractNumberId = BulletAbstract };
            bullet.Append(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel });
            string[] marks = ["•", "◦", "▪"];
            for (var level = 0; level < 3; level++)
                bullet.Append(Level(level, NumberFormatValues.Bullet, marks[level]));
            var ordered = new AbstractNum { AbstractNumberId = DecimalAbstract };
            ordered.Append(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel });
            ordered.Append(Level(0, NumberFormatValues.Decimal, "%1."));
            ordered.Append(Level(1, NumberFormatValues.LowerLetter, "(%2)"));
            ordered.Append(Level(2, NumberFormatValues.LowerRoman, "(%3)"));

            var root = new Numbering(bullet, ordered);
            root.Append(new NumberingInstance(new AbstractNumId { Val = BulletAbstract }) { NumberID = BulletList });
            foreach (var instance in _numberings)
                root.Append(instance);
            numbering.Numbering = root;
        }

        private static Level Level(int level, NumberFormatValues format, string text) =>
            new(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = ListIndent(level).ToString(CultureInfo.InvariantCulture),
                    Hanging = "360",
                }))
            { LevelIndex = level };

        private void AddStyles()
        {
            var part = _main.AddNewPart<StyleDefinitionsPart>();
            var styles = new Styles(
                new DocDefaults(
                    new RunPropertiesDefault(new RunPropertiesBaseStyle(
                        new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                        new FontSize { Val = "22" },
                        new FontSizeComplexScript { Val = "22" },
                        new Languages { Val = "en-GB" })),
                    new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                        new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

            styles.Append(ParagraphStyle("Normal", "Normal", null, isDefault: true));
            styles.Append(ParagraphStyle("Title", "Title", null, size: 36, bold: true, after: 120, keepNext: true));
            styles.Append(ParagraphStyle("Subtitle", "Subtitle", null, size: 20, color: "595959", after: 120));
            styles.Append(ParagraphStyle("Heading1", "heading 1", 0, size: 28, bold: true, before: 360, after: 120, keepNext: true, color: "1F3864"));
            styles.Append(ParagraphStyle("Heading2", "heading 2", 1, size: 24, bold: true, before: 280, after: 80, keepNext: true, color: "1F3864"));
            styles.Append(ParagraphStyle("Heading3", "heading 3", 2, size: 22, bold: true, before: 200, after: 60, keepNext: true));
            styles.Append(ParagraphStyle("Heading4", "heading 4", 3, size: 22, bold: true, italic: true, before: 160, after: 60, keepNext: true));
            styles.Append(ParagraphStyle("ConcernSeverity", "Concern severity", null, size: 18, color: "595959", after: 80, keepNext: true));
            styles.Append(ParagraphStyle("QuoteReference", "Quote reference", null, size: 18, bold: true, color: "404040", after: 40, keepNext: true, indent: 567));
            styles.Append(ParagraphStyle("Quote", "Quote", null, italic: true, color: "404040", indent: 567, after: 160));
            styles.Append(ParagraphStyle("ListParagraph", "List Paragraph", null, after: 60));
            styles.Append(ParagraphStyle("ListContinue", "List Continue", null, after: 60));
            styles.Append(ParagraphStyle("Code", "Code", null, size: 18, after: 0));
            styles.Append(ParagraphStyle("FootnoteText", "footnote text", null, size: 18, after: 40, line: 240));
            styles.Append(ParagraphStyle("Footer", "footer", null, size: 16, color: "595959", after: 0));
            styles.Append(new Style(
                new StyleName { Val = "footnote reference" },
                new UIPriority { Val = 99 },
                new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
            { Type = StyleValues.Character, StyleId = "FootnoteReference" });
            styles.Append(new Style(
                new StyleName { Val = "Hyperlink" },
                new UIPriority { Val = 99 },
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" });
            part.Styles = styles;
        }

        private static Style ParagraphStyle(string id, string name, int? outline, bool isDefault = false, int? size = null,
            bool bold = false, bool italic = false, int? before = null, int? after = null, bool keepNext = false,
            string? color = null, int? indent = null, int? line = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            if (isDefault)
                style.Default = true;
            style.Append(new StyleName { Val = name });
            if (!isDefault)
                style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
            style.Append(new PrimaryStyle());

            var paragraph = new StyleParagraphProperties();
            if (keepNext)
                paragraph.KeepNext = new KeepNext();
            if (before is not null || after is not null || line is not null)
            {
                var spacing = new SpacingBetweenLines();
                if (before is not null)
                    spacing.Before = before.Value.ToString(CultureInfo.InvariantCulture);
                if (after is not null)
                    spacing.After = after.Value.ToString(CultureInfo.InvariantCulture);
                if (line is not null)
                {
                    spacing.Line = line.Value.ToString(CultureInfo.InvariantCulture);
                    spacing.LineRule = LineSpacingRuleValues.Auto;
                }
                paragraph.SpacingBetweenLines = spacing;
            }
            if (indent is not null)
            {
                var twips = indent.Value.ToString(CultureInfo.InvariantCulture);
                paragraph.Indentation = new Indentation { Left = twips, Right = twips };
            }
            if (outline is not null)
                paragraph.OutlineLevel = new OutlineLevel { Val = outline };
            if (paragraph.HasChildren)
                style.Append(paragraph);

            var run = new StyleRunProperties();
            if (bold)
                run.Bold = new Bold();
            if (italic)
                run.Italic = new Italic();
            if (color is not null)
                run.Color = new Color { Val = color };
            if (size is not null)
            {
                run.FontSize = new FontSize { Val = size.Value.ToString(CultureInfo.InvariantCulture) };
                run.FontSizeComplexScript = new FontSizeComplexScript { Val = size.Value.ToString(CultureInfo.InvariantCulture) };
            }
            if (run.HasChildren)
                style.Append(run);
            return style;
        }

        private static string Stance(string stance) =>
            Enum.TryParse<BriefingStance>(stance, out var value) ? Formatting.Format.Label(value) : stance;

        private static string Severity(string severity) =>
            Enum.TryParse<Severity>(severity, out var value) ? Formatting.Format.Label(value) : severity;
    }
}
