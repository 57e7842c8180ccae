namespace ResolutionTracker.Text.Parsing;

// The parser's warnings: the first fifty are kept and the rest only counted. A pasted file that is not a
// resolution at all can give a warning a line, which would bury the preview in them and fill the memory.
internal sealed class ParseWarnings
{
    private const int Kept = 50;

    private readonly List<string> kept = [];
    private int more;

    public void Add(string warning)
    {
        if (kept.Count < Kept)
            kept.Add(warning);
        else
            more++;
    }

    public void AddRange(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
            Add(warning);
    }

    public List<string> ToList()
    {
        var all = new List<string>(kept);
        if (more > 0)
            all.Add($"... and {more} more warnings");
        return all;
    }
}
