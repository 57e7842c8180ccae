using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ResolutionTracker.Text.AkomaNtoso;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Cli;

// rt parse FILE | rt symbols [--all] FILE: the text library from the command line, for scripts and for
// checking the parser on many files. Exit 0 on success, 1 on wrong usage, 2 on unreadable input.
public static class Program
{
    private const int BinaryProbeBytes = 8 * 1024;

    private const string Usage = """
        Usage: rt parse FILE          print the structure of a UN resolution (plain text, or .xml Akoma Ntoso) as JSON
               rt symbols [--all] FILE print each UN document symbol in FILE, one a line, in order of first appearance
                                      (--all: every occurrence)
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Output for people and scripts on a terminal, never for a page: keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return Run(args, stdout, stderr);
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        var command = args[0];
        var all = args.Skip(1).Contains("--all");
        var files = args.Skip(1).Where(a => a != "--all").ToList();
        if (command is not ("parse" or "symbols") || files.Count != 1 || (all && command != "symbols"))
        {
            stderr.WriteLine(Usage);
            return 1;
        }

        var path = files[0];
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"rt: cannot read {path}: {e.Message}");
            return 2;
        }

        if (command == "parse" && path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return ParseXml(path, bytes, stdout, stderr);

        if (!TryDecode(bytes, out var text, out var problem))
        {
            stderr.WriteLine($"rt: {path} is not a text file ({problem})");
            return 2;
        }

        if (command == "parse")
        {
            stdout.WriteLine(JsonSerializer.Serialize(CliResolution.From(UnTextParser.Parse(text)), Json));
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in SymbolRecognizer.FindAll(text))
        {
            if (all || seen.Add(match.Symbol))
                stdout.WriteLine(match.Symbol);
        }
        return 0;
    }

    private static int ParseXml(string path, byte[] bytes, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            stdout.WriteLine(JsonSerializer.Serialize(CliResolution.From(AknReader.Read(stream)), Json));
            return 0;
        }
        catch (AknFormatException e)
        {
            stderr.WriteLine($"rt: cannot read {path}: {e.Message}");
            return 2;
        }
    }

    // Binary content shows itself in the first few kilobytes: NUL bytes, or bytes that are not UTF-8.
    private static bool TryDecode(byte[] bytes, out string text, out string problem)
    {
        text = "";
        var probe = bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes));
        if (probe.Contains((byte)0))
        {
            problem = "it contains NUL bytes";
            return false;
        }
        var strict = new UTF8Encoding(false, true);
        try
        {
            // Decoding the probe without flushing allows a character cut at the probe's end.
            var decoder = strict.GetDecoder();
            var chars = new char[strict.GetMaxCharCount(probe.Length)];
            decoder.GetChars(probe, chars, flush: probe.Length == bytes.Length);
            text = new UTF8Encoding(false, false).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "it is not UTF-8 text";
            return false;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        problem = "";
        return true;
    }

    private sealed record CliResolution(
        string? Symbol,
        string? Title,
        string? Body,
        int? Session,
        IReadOnlyList<string> Sponsors,
        IReadOnlyList<string> Preambular,
        IReadOnlyList<CliParagraph> Operative,
        IReadOnlyList<CliFootnote> Footnotes,
        IReadOnlyList<string> Warnings)
    {
        public static CliResolution From(ParsedResolution parsed) => new(
            parsed.Symbol,
            parsed.Title,
            parsed.Body,
            parsed.Session,
            parsed.Sponsors,
            parsed.Preambular.Select(p => p.SubItems.Count == 0 ? p.Text : string.Join(" ", [p.Text, .. p.SubItems.Select(Item)])).ToList(),
            parsed.Operative.Select(p => new CliParagraph(p.Number, p.Text, p.SubItems.Select(Item).ToList())).ToList(),
            parsed.Footnotes.Select(f => new CliFootnote(f.Marker, f.Text)).ToList(),
            parsed.Warnings);

        private static string Item(ParsedSubItem item) => $"{item.Label} {item.Text}";
    }

    private sealed record CliParagraph(int Number, string Text, [property: JsonPropertyName("subItems")] IReadOnlyList<string> SubItems);

    private sealed record CliFootnote(string Marker, string Text);
}
