using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using ResolutionTracker.Text.AkomaNtoso;
using ResolutionTracker.Text.Parsing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// Turns what the user pasted or uploaded into a parsed resolution, or into one message that says what is
// wrong with the input. Nothing here touches the database.
public static class ImportReader
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxCharacters = MaxBytes;

    public sealed record Outcome(ParsedResolution? Parsed, string? Error, string Source)
    {
        public static Outcome Refused(string error, string source) => new(null, error, source);
    }

    public static Outcome FromPaste(string? text)
    {
        if (text is not null && text.Length > MaxCharacters)
            return Outcome.Refused("The text is larger than 5 MB, far more than a resolution: paste only the resolution's text, or upload its file.", "pasted text");
        return FromText(text, "pasted text");
    }

    public static async Task<Outcome> FromFileAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = Path.GetFileName(file.FileName ?? "");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".txt" or ".docx" or ".xml"))
            return Outcome.Refused($"\"{name}\" is not a file this page reads: upload a .txt, .docx or .xml (Akoma Ntoso) file, or paste the text.", name);
        if (file.Length > MaxBytes)
            return Outcome.Refused($"The file \"{name}\" is larger than 5 MB, far more than a resolution: upload only the resolution's text.", name);
        if (file.Length == 0)
            return Outcome.Refused($"The file \"{name}\" is empty.", name);

        var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
            await upload.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;

        return extension switch
        {
            ".docx" => FromWord(buffer, name),
            ".xml" => FromAkn(buffer, name),
            _ => FromPlainText(buffer.ToArray(), name),
        };
    }

    private static Outcome FromText(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Outcome.Refused(source == "pasted text"
                ? "There is no text to read: paste the text of the resolution, or choose a file."
                : $"\"{source}\" holds no text.", source);
        return new Outcome(UnTextParser.Parse(text), null, source);
    }

    private static Outcome FromPlainText(byte[] bytes, string name)
    {
        string text;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // A UTF-16 file (Windows Notepad's "Unicode") has NUL bytes but is text.
            text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }
        else
        {
            if (Array.IndexOf(bytes, (byte)0) >= 0)
                return NotText(name);
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return NotText(name);
            }
            text = text.TrimStart('\uFEFF');
        }
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            return NotText(name);
        return FromText(text, name);
    }

    private static Outcome NotText(string name) => Outcome.Refused(
        $"\"{name}\" is not a text file: it holds binary data (perhaps a PDF or a Word file renamed .txt). " +
        "Upload a plain text file saved as UTF-8, a .docx, or paste the text.", name);

    private static Outcome FromAkn(Stream stream, string name)
    {
        try
        {
            return new Outcome(AknReader.Read(stream), null, name);
        }
        catch (AknFormatException ex)
        {
            return Outcome.Refused(ex.Message, name);
        }
    }

    private static Outcome FromWord(Stream stream, string name)
    {
        string text;
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            text = WordText(document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return Outcome.Refused(
                $"This file is not a Word document: \"{name}\" cannot be opened as a .docx (a .docx is a zip archive; " +
                "an old .doc or a renamed file is not). Save it as .docx or plain text, or paste the text.", name);
        }
        return FromText(text, name);
    }

    // One paragraph of the document a block of text, separated by blank lines as PDF extraction gives them.
    // Word's automatic numbering is not in the text: numbered paragraphs get "1." at the first level and
    // "(a)", "(i)" below it, which is how UN resolutions number them.
    private static string WordText(WordprocessingDocument document)
    {
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The document has no body.");
        var text = new StringBuilder();
        var counters = new Dictionary<(int NumberingId, int Level), int>();
        foreach (var paragraph in body.Descendants<W.Paragraph>())
        {
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
