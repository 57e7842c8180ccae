using System.Text;
using ResolutionTracker.Text.AkomaNtoso;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// Turns what the user pasted or uploaded into a parsed resolution, or into one message that says what is
// wrong with the input. Nothing here touches the database. A file is read within limits of size, shape and
// time (here, in ImportReader.Word.cs and in the Akoma Ntoso reader), and a paste within the same size and
// time, so hostile input is refused with a message instead of taking the server's memory or processor with it.
public static partial class ImportReader
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxCharacters = MaxBytes;

    // A long resolution reads in well under a second. The setting (a time span, "00:00:10") changes it.
    public static readonly TimeSpan MaxReadTime = TimeSpan.FromSeconds(10);
    public const string ReadTimeSetting = "Import:MaxReadTime";

    public sealed record Outcome(ParsedResolution? Parsed, string? Error, string Source)
    {
        public static Outcome Refused(string error, string source) => new(null, error, source);
    }

    public static Outcome FromPaste(string? text, CancellationToken cancellationToken) =>
        FromPaste(text, MaxReadTime, cancellationToken);

    // Bounded as a file is (see FromFileAsync).
    public static Outcome FromPaste(string? text, TimeSpan readTime, CancellationToken cancellationToken)
    {
        if (text is not null && text.Length > MaxCharacters)
            return Outcome.Refused("The text is larger than 5 MB, far more than a resolution: paste only the resolution's text, or upload its file.", "pasted text");
        return WithinReadTime("pasted text", readTime, deadline => FromText(text, "pasted text", deadline), cancellationToken);
    }

    public static Task<Outcome> FromFileAsync(IFormFile file, CancellationToken cancellationToken) =>
        FromFileAsync(file, MaxReadTime, cancellationToken);

    // Stops when the request is aborted (OperationCanceledException: nobody is waiting for the answer) and
    // refuses the file when reading it takes longer than readTime.
    public static async Task<Outcome> FromFileAsync(IFormFile file, TimeSpan readTime, CancellationToken cancellationToken)
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

        return WithinReadTime(name, readTime, deadline => extension switch
        {
            ".docx" => FromWord(buffer, name, deadline),
            ".xml" => FromAkn(buffer, name, deadline),
            _ => FromPlainText(buffer.ToArray(), name, deadline),
        }, cancellationToken);
    }

    // The readers stop with OperationCanceledException when the deadline passes or the request is aborted;
    // only the first is answered, with a message (a timed source, not CancelAfter: a zero time is then
    // already over when reading starts).
    private static Outcome WithinReadTime(string source, TimeSpan readTime, Func<CancellationToken, Outcome> read, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(readTime);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return read(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = $"{readTime.TotalSeconds:0} seconds, far longer than any resolution needs, so it was stopped.";
            return Outcome.Refused(source == "pasted text"
                ? $"Reading the pasted text took longer than {seconds} Paste only the resolution's text, or upload its file."
                : $"Reading \"{source}\" took longer than {seconds} Upload only the resolution's text (as .docx, .txt or Akoma Ntoso .xml), or paste it.", source);
        }
    }

    private static Outcome FromText(string? text, string source, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Outcome.Refused(source == "pasted text"
                ? "There is no text to read: paste the text of the resolution, or choose a file."
                : $"\"{source}\" holds no text.", source);
        return new Outcome(UnTextParser.Parse(text, cancellationToken), null, source);
    }

    private static Outcome FromPlainText(byte[] bytes, string name, CancellationToken cancellationToken)
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
        return FromText(text, name, cancellationToken);
    }

    private static Outcome NotText(string name) => Outcome.Refused(
        $"\"{name}\" is not a text file: it holds binary data (perhaps a PDF or a Word file renamed .txt). " +
        "Upload a plain text file saved as UTF-8, a .docx, or paste the text.", name);

    private static Outcome FromAkn(Stream stream, string name, CancellationToken cancellationToken)
    {
        try
        {
            return new Outcome(AknReader.Read(stream, cancellationToken), null, name);
        }
        catch (AknFormatException ex)
        {
            return Outcome.Refused(ex.Message, name);
        }
    }
}
