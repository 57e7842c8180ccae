using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

// Hostile uploads, made when a test runs (none is kept in the repository): for each, the name it is uploaded
// as and words of the message that must refuse it.
public static class HostileFiles
{
    public sealed record Case(string FileName, Func<byte[]> Make, string Message);

    private const int MB = 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, Case> All = new Dictionary<string, Case>
    {
        ["docx: a 200 MB text zipped into 200 kB"] = new("bomb.docx", () => Word(Text(200 * MB)), "alone unpacks to more than 16 MB"),
        ["docx: an image that unpacks to 200 MB"] = new("image.docx", () => Word(Text(10), ("word/media/image1.png", Zeros(200 * MB))), "alone unpacks to more than 16 MB"),
        ["docx: a part that states 1 kB and unpacks to 40 MB"] = new("lying.docx", () => StatingSize(Word(Text(40 * MB)), "word/document.xml", 1024), "is not a Word document"),
        ["docx: parts that add up to 75 MB"] = new("many-mb.docx", () => Word(Text(10), Enumerable.Range(1, 5).Select(i => ($"word/media/image{i}.png", Zeros(15 * MB))).ToArray()), "parts unpack to more than 64 MB"),
        ["docx: 5 000 parts"] = new("parts.docx", () => Word(Text(10), Enumerable.Range(1, 5000).Select(i => ($"word/media/image{i}.png", Repeat(1, 1))).ToArray()), "holds 5,003 parts"),
        ["docx: paragraphs nested 100 000 deep"] = new("deep.docx", () => Word(WordBody(Nested("<w:p>", "</w:p>", 100_000))), "nested more than 256 levels deep"),
        ["docx: an entity that expands to a billion"] = new("laughs.docx", () => Word(Ascii(Laughs("w:document"))), "declares a document type"),
        ["docx: cut off half way"] = new("cut.docx", () => Halved(Word(Text(10_000))), "is not a Word document"),
        ["docx: 6 MB of text, zipped small"] = new("text.docx", () => Word(Text(6 * MB)), "holds more than 5 MB of text"),
        ["docx: a PDF renamed"] = new("renamed.docx", () => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"), "is not a Word document"),
        ["xml: 200 000 nested elements"] = new("deep.xml", () => Akn($"<mainBody>{Nested("<p>", "</p>", 200_000)}</mainBody>"), "nested more than 100 levels deep"),
        ["xml: 300 000 elements side by side"] = new("wide.xml", () => Akn($"<mainBody>{string.Concat(Enumerable.Repeat("<p/>", 300_000))}</mainBody>"), "more than 200,000 elements"),
        ["xml: an entity that expands to a billion"] = new("laughs.xml", () => Encoding.UTF8.GetBytes(Laughs("akomaNtoso")), "declares a document type"),
        ["xml: an external entity"] = new("xxe.xml", () => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"), "declares a document type"),
        ["xml: cut off half way"] = new("cut.xml", () => Halved(Akn("<mainBody><paragraph><num>1.</num><content><p>Decides</p></content></paragraph></mainBody>")), "is not well-formed XML"),
        ["xml: a zip archive renamed"] = new("renamed.xml", () => Word(Text(10)), "is not"),
        ["txt: a zip archive renamed"] = new("renamed.txt", () => Word(Text(10)), "is not a text file"),
        ["txt: more than 5 MB"] = new("long.txt", () => Encoding.ASCII.GetBytes(new string('x', (5 * MB) + 1)), "larger than 5 MB"),
        ["wrong type: a PDF"] = new("draft.pdf", () => Encoding.ASCII.GetBytes("%PDF-1.7\n"), "is not a file this page reads"),
        ["wrong type: an old Word .doc"] = new("draft.doc", () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "is not a file this page reads"),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    // "1.\nx.\n\n2.\nx.\n\n..." past 999, the last number a paragraph can have: before the parser was made
    // linear, each block past it was joined to paragraph 999 by copying it, and 400 kB took 16 s to read.
    public static string NumberedBlocks(int characters)
    {
        var text = new StringBuilder("The General Assembly,\n\n", characters + 16);
        for (var n = 1; text.Length < characters; n++)
            text.Append(CultureInfo.InvariantCulture, $"{n}.\nx.\n\n");
        return text.ToString();
    }

    // word/document.xml with one paragraph of the given text, and further parts as given.
    private static byte[] Word(Action<Stream> writeBody, params (string Name, Action<Stream> Write)[] more)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, Action<Stream> write)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                write(entry);
            }
            Add("[Content_Types].xml", Ascii(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
            Add("_rels/.rels", Ascii(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            Add("word/document.xml", writeBody);
            foreach (var (name, write) in more)
                Add(name, write);
        }
        return zip.ToArray();
    }

    private static Action<Stream> Text(int characters) => stream =>
    {
        Ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")(stream);
        Repeat((byte)'A', characters)(stream);
        Ascii("</w:t></w:r></w:p></w:body></w:document>")(stream);
    };

    private static Action<Stream> WordBody(string inside) => Ascii(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        inside + "</w:body></w:document>");

    private static string Nested(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));

    private static Action<Stream> Zeros(int bytes) => Repeat(0, bytes);

    private static Action<Stream> Repeat(byte value, int count) => stream =>
    {
        var block = new byte[MB];
        Array.Fill(block, value);
        for (var left = count; left > 0; left -= block.Length)
            stream.Write(block, 0, Math.Min(left, block.Length));
    };

    private static Action<Stream> Ascii(string text) => stream => stream.Write(Encoding.UTF8.GetBytes(text));

    private static byte[] Akn(string mainBody) => Encoding.UTF8.GetBytes(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><statement name=\"resolution\">" +
        "<preamble><p>Recalling its resolutions,</p></preamble>" + mainBody + "</statement></akomaNtoso>");

    // Ten entities, each ten of the one before: the last is a billion "lol"s.
    private static string Laughs(string root)
    {
        var entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (var i = 1; i <= 9; i++)
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        return $"<?xml version=\"1.0\"?><!DOCTYPE {root} [{entities}]><{root}>&l9;</{root}>";
    }

    private static byte[] Halved(byte[] bytes) => bytes[..(bytes.Length / 2)];

    // Rewrites the uncompressed size an archive states for one entry, in its local header and in the central
    // directory, leaving the compressed data as it is.
    private static byte[] StatingSize(byte[] zip, string entryName, uint statedSize)
    {
        var name = Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var local = BitConverter.ToUInt32(zip, i) == 0x04034b50 && BitConverter.ToUInt16(zip, i + 26) == name.Length
                        && zip.AsSpan(i + 30, name.Length).SequenceEqual(name);
            var central = BitConverter.ToUInt32(zip, i) == 0x02014b50 && BitConverter.ToUInt16(zip, i + 28) == name.Length
                          && zip.AsSpan(i + 46, name.Length).SequenceEqual(name);
            if (local)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), statedSize);
            if (central)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), statedSize);
        }
        return zip;
    }
}
