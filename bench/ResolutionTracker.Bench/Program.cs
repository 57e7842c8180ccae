using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ResolutionTracker.Text.Alignment;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Bench;

// On-demand timings for docs/benchmarks.md: a warm-up, then many timed runs, reported as median and p95.
// Stopwatch rather than a benchmark library: no extra package, and the targets (20 ms) are far above its
// resolution.
public static class Program
{
    // bench/run [ITERATIONS] [parse|align|all]
    public static int Main(string[] args)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 500;
        var mode = args.FirstOrDefault(a => !int.TryParse(a, CultureInfo.InvariantCulture, out _))?.ToLowerInvariant() ?? "all";
        if (mode is not ("parse" or "align" or "all"))
        {
            Console.Error.WriteLine("usage: bench/run [ITERATIONS] [parse|align|all]");
            return 2;
        }
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "long_A_99_L_77.txt"));

        var parsed = UnTextParser.Parse(text);
        var paragraphs = parsed.Preambular.Count + parsed.Operative.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: long_A_99_L_77.txt, {text.Length} characters, {paragraphs} paragraphs, {parsed.Footnotes.Count} footnotes"));

        if (mode is "parse" or "all")
        {
            Measure("parse (UnTextParser.Parse)", iterations, () => UnTextParser.Parse(text));
            Measure("render (UnTextRenderer.Render)", iterations, () => UnTextRenderer.Render(parsed));
        }
        if (mode is "align" or "all")
        {
            var (old, revised) = Revision(parsed);
            var summary = ParagraphAligner.Align(old, revised).Summary;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"revision: {old.Count} -> {revised.Count} paragraphs; aligner finds kept {summary.Kept}, changed {summary.Changed}, added {summary.Added}, deleted {summary.Deleted}, moved {summary.Moved}"));
            Measure("align + word diff (ParagraphAligner.Align)", iterations, () => ParagraphAligner.Align(old, revised));
            var identical = old.ToList();
            Measure("align identical versions", iterations, () => ParagraphAligner.Align(old, identical));
        }
        return 0;
    }

    // A revision of the parsed fixture as negotiations produce one: every fifth paragraph reworded (a verb
    // swapped, a phrase added), two paragraphs dropped, two new ones, one operative paragraph moved back.
    private static (List<AlignedParagraph> Old, List<AlignedParagraph> New) Revision(ParsedResolution parsed)
    {
        var old = parsed.Preambular.Select(p => new AlignedParagraph(AlignedParagraphKind.Preambular, p.Number, p.Text, p.SubItems))
            .Concat(parsed.Operative.Select(p => new AlignedParagraph(AlignedParagraphKind.Operative, p.Number, p.Text, p.SubItems)))
            .ToList();
        var revised = new List<AlignedParagraph>();
        for (var k = 0; k < old.Count; k++)
        {
            var p = old[k];
            if (k is 20 or 90)
                continue;
            revised.Add(k % 5 == 0
                ? p with { Text = "Strongly " + p.Text[..1].ToLowerInvariant() + p.Text[1..].Replace(" the ", " all relevant ", StringComparison.Ordinal) + " in this regard" }
                : p);
            if (k is 60 or 120)
                revised.Add(new AlignedParagraph(AlignedParagraphKind.Operative, 900 + k, "Invites the General Assembly to proclaim an international day for the keepers of coastal archives;"));
        }
        var moved = revised[100];
        revised.RemoveAt(100);
        revised.Insert(140, moved);
        return (old, revised);
    }

    private static void Measure(string name, int iterations, Func<object> action)
    {
        for (var i = 0; i < 50; i++)
            GC.KeepAlive(action());

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(action());
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {iterations} runs, median {times[iterations / 2]:F3} ms, p95 {times[(int)(iterations * 0.95)]:F3} ms, max {times[^1]:F3} ms"));
    }
}
