using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Resolutions;

// Where a resolution is on the public site. The routes are "/resolutions/{**symbol}" and "/akn/{**symbol}":
// the symbol's slashes stay path separators ("/resolutions/A/HRC/43/L.31") and each part between them is
// escaped on its own, so a space, "#" or "?" in a symbol cannot cut the path short. These are built here,
// not with asp-page, because the app lowercases the addresses it generates and a symbol keeps its capitals.
public static class ResolutionLinks
{
    public static string PublicPath(string symbol) => "/resolutions/" + EscapedSymbol(symbol);

    public static string ParagraphPath(string symbol, ParagraphKind kind, int number) =>
        PublicPath(symbol) + "#" + Paragraph.AnchorFor(kind, number);

    public static string AknPath(string symbol) => "/akn/" + EscapedSymbol(symbol);

    private static string EscapedSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return string.Join('/', symbol.Split('/').Select(Uri.EscapeDataString));
    }
}
