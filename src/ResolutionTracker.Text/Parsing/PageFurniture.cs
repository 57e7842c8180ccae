using System.Text.RegularExpressions;
using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.Text.Parsing;

// The lines a PDF repeats on every page and that belong to no paragraph: the symbol, the job number
// (25-14866 (E) 180925, GE.18-05246(E)), the barcode (*2514866*), the page counter (2/5), "Please recycle".
internal static partial class PageFurniture
{
    public static bool IsStrong(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 60)
            return false;
        return JobNumber().IsMatch(trimmed)
            || Barcode().IsMatch(trimmed)
            || PageCounter().IsMatch(trimmed)
            || PleaseRecycle().IsMatch(trimmed)
            || (trimmed.Contains('/', StringComparison.Ordinal) && SymbolRecognizer.IsSymbol(trimmed));
    }

    // Lines that are furniture only next to other furniture: a bare page number, the date or the running
    // title that some documents print in their page headers. The title comes squashed (TextShape.Squash),
    // as it is the same for every line asked about.
    public static bool IsWeak(string line, string? squashedTitle)
    {
        var trimmed = line.Trim();
        if (BarePageNumber().IsMatch(trimmed) || DateLine().IsMatch(trimmed))
            return true;
        return squashedTitle is not null && trimmed.Length >= 12
            && squashedTitle.Contains(TextShape.Squash(trimmed), StringComparison.Ordinal);
    }

    public static bool IsDateLine(string line) => DateLine().IsMatch(line.Trim());

    [GeneratedRegex(@"^(?:GE\.)?[0-9]{2}-[0-9]{5}\s*(?:\([A-Z]\))?(?:\s+[0-9]{6}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobNumber();

    [GeneratedRegex(@"^\*[0-9]{7,8}\*$", RegexOptions.CultureInvariant)]
    private static partial Regex Barcode();

    [GeneratedRegex(@"^(?:[0-9]{1,3}/[0-9]{1,3}|Page [0-9]{1,3} of [0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex PageCounter();

    [GeneratedRegex(@"^\W{0,3}Please recycle\W{0,3}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PleaseRecycle();

    [GeneratedRegex(@"^[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePageNumber();

    [GeneratedRegex(@"^[0-9]{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
