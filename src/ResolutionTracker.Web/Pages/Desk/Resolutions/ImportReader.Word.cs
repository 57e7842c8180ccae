using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResolutionTracker.Text.AkomaNtoso;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// Word documents. A .docx is a zip archive of XML parts, and 200 kB of zip can unpack to 200 MB: every part is
// unpacked and read through BoundedXmlReader first, counting the bytes that come out (the sizes the archive
// states can lie), and only an archive within the limits is opened as a Word document.
public static partial class ImportReader
{
    // A long resolution's document.xml is under 2 MB; an image is at most the 5 MB of the upload.
    public const int MaxWordParts = 1_000;
    public const int MaxWordPartBytes = 16 * 1024 * 1024;
    public const int MaxWordBytes = 64 * 1024 * 1024;

    // Word nests tables, text boxes and fields deeper than Akoma Ntoso nests a resolution.
    private static readonly XmlBounds WordBounds = new(MaxWordPartBytes, MaxDepth: 256, MaxElements: 300_000);

    private static Outcome FromWord(MemoryStream stream, string name, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            HashSet<string> xmlParts;
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                var (parts, problem) = CheckWordArchive(archive, name, cancellationToken);
                if (problem is not null)
                    return Outcome.Refused(problem, name);
                xmlParts = parts;
            }
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxWordPartBytes });
            // The main part is parsed only if it was one of the XML parts checked above.
            if (document.MainDocumentPart is not { } main || !xmlParts.Contains(main.Uri.OriginalString.TrimStart('/')))
                return NotWord(name);
            text = WordText(document, cancellationToken);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or XmlException)
        {
            return NotWord(name);
        }
        if (text.Length > MaxCharacters)
            return Outcome.Refused(TooMuchWordText(name), name);
        return FromText(text, name, cancellationToken);
    }

    // Unpacks every part within the limits, reading each XML part to its end; returns the names of the XML
    // parts, or why the archive is refused. A file that is not a zip archive at all throws InvalidDataException.
    private static (HashSet<string> XmlParts, string? Problem) CheckWordArchive(ZipArchive archive, string name, CancellationToken cancellationToken)
    {
        var xmlParts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (archive.Entries.Count > MaxWordParts)
        {
            return (xmlParts, $"The Word document \"{name}\" holds {archive.Entries.Count.ToString("N0", CultureInfo.InvariantCulture)} parts, " +
                              $"far more than Word writes for a resolution ({MaxWordParts.ToString("N0", CultureInfo.InvariantCulture)} at most), so it was not read. " +
                              "Save only the resolution's text as .docx or plain text, or paste it.");
        }

        long unpacked = 0;
        long textCharacters = 0;
        foreach (var entry in archive.Entries)
        {
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            using var part = isXml ? new MemoryStream() : null;
            // The stated size refuses an honest bomb before any work; the count refuses a dishonest one.
            var length = entry.Length > MaxWordPartBytes ? -1 : UnpackCapped(entry, part ?? Stream.Null, cancellationToken);
            if (length < 0)
                return (xmlParts, UnpacksTooLarge(name, $"its part {entry.FullName} alone unpacks to more than {MaxWordPartBytes / (1024 * 1024)} MB"));
            unpacked += length;
            if (unpacked > MaxWordBytes)
                return (xmlParts, UnpacksTooLarge(name, $"its parts unpack to more than {MaxWordBytes / (1024 * 1024)} MB"));
            if (part is null)
                continue;

            part.Position = 0;
            try
            {
                textCharacters += TextCharacters(part, cancellationToken);
            }
            catch (XmlBoundsException ex)
            {
                return (xmlParts, $"The Word document \"{name}\" cannot be read as a resolution. In its part {entry.FullName}: {ex.Message}");
            }
            catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                return (xmlParts, $"The Word document \"{name}\" declares a document type (<!DOCTYPE ...>) in its part {entry.FullName}. " +
                                  "Word never writes one, and it is refused because it could make the reader fetch or expand outside content.");
            }
            if (textCharacters > MaxCharacters)
                return (xmlParts, TooMuchWordText(name));
            xmlParts.Add(entry.FullName);
        }
        return (xmlParts, null);
    }

    // Copies what the entry unpacks to, up to the cap; -1 past it.
    private static long UnpackCapped(ZipArchiveEntry entry, Stream into, CancellationToken cancellationToken)
    {
        using var unpacking = entry.Open();
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = unpacking.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            total += read;
            if (total > MaxWordPartBytes)
                return -1;
            into.Write(buffer, 0, read);
        }
        return total;
    }

    private static long TextCharacters(Stream part, CancellationToken cancellationToken)
    {
        long characters = 0;
        using var reader = BoundedXmlReader.Create(part, WordBounds, cancellationToken);
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                characters += reader.Value.Length;
        }
        return characters;
    }

    private static string UnpacksTooLarge(string name, string what) =>
        $"The Word document \"{name}\" is refused: {what}, far more than a resolution. " +
        "A file that unpacks to so much is broken or built to overload the server. Save only the resolution's text as .docx or plain text, or paste it.";

    private static string TooMuchWordText(string name) =>
        $"The Word document \"{name}\" holds more than {MaxCharacters / (1024 * 1024)} MB of text, far more than a resolution: " +
        "save only the resolution's text as .docx or plain text, or paste it.";

    private static Outcome NotWord(string name) => Outcome.Refused(
        $"This file is not a Word document: \"{name}\" cannot be opened as a .docx (a .docx is a zip archive; " +
        "an old .doc or a renamed file is not). Save it as .docx or plain text, or paste the text.", name);

    // One paragraph of the document a block of text, separated by blank lines as PDF extraction gives them.
    // Word's automatic numbering is not in the text: numbered paragraphs get "1." at the first level and
    // "(a)", "(i)" below it, which is how UN resolutions number them.
    private static string WordText(WordprocessingDocument document, CancellationToken cancellationToken)
    {
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The document has no body.");
        var text = new StringBuilder();
        var counters = new Dictionary<(int NumberingId, int Level), int>();
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case W.Text t:
                        line.Append(t.Text);
                        break;
                    case W.TabChar:
                        line.Append('\t');
                        break;
                    case W.Break or W.CarriageReturn:
                        line.Append('\n');
                        break;
                }
            }
            if (paragraph.ParagraphProperties?.NumberingProperties is { } numbering
                && numbering.NumberingId?.Val?.Value is int numberingId and > 0)
            {
                var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
                var count = counters.GetValueOrDefault((numberingId, level)) + 1;
                counters[(numberingId, level)] = count;
                foreach (var deeper in counters.Keys.Where(k => k.NumberingId == numberingId && k.Level > level).ToList())
                    counters.Remove(deeper);
                line.Insert(0, NumberLabel(level, count) + " ");
            }
            if (line.ToString().Trim().Length == 0)
                continue;
            text.Append(line).Append("\n\n");
        }
        return text.ToString();
    }

    private static string NumberLabel(int level, int count) => level switch
    {
        0 => count.ToString(CultureInfo.InvariantCulture) + ".",
        1 => "(" + (count <= 26 ? ((char)('a' + count - 1)).ToString() : count.ToString(CultureInfo.InvariantCulture)) + ")",
        _ => "(" + Roman(count) + ")",
    };

    private static string Roman(int number)
    {
        ReadOnlySpan<(int Value, string Letters)> table = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        var result = new StringBuilder();
        foreach (var (value, letters) in table)
        {
            while (number >= value)
            {
                result.Append(letters);
                number -= value;
            }
        }
        return result.ToString();
    }
}
