using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.Bench;

// On-demand timings for docs/benchmarks.md: a warm-up, then many timed runs, reported as median and p95.
// Stopwatch rather than a benchmark library: no extra package, and the targets (20 ms) are far above its
// resolution.
public static class Program
{
    public static int Main(string[] args)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 500;
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "long_A_99_L_77.txt"));

        var parsed = UnTextParser.Parse(text);
        var paragraphs = parsed.Preambular.Count + parsed.Operative.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: long_A_99_L_77.txt, {text.Length} characters, {paragraphs} paragraphs, {parsed.Footnotes.Count} footnotes"));

        Measure("parse (UnTextParser.Parse)", iterations, () => UnTextParser.Parse(text));
        Measure("render (UnTextRenderer.Render)", iterations, () => UnTextRenderer.Render(parsed));
        return 0;
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
