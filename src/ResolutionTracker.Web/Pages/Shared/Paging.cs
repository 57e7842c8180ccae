using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ResolutionTracker.Web.Pages.Shared;

// One page of a list. The page number comes from the query string ("?page=3"); anything that is not a
// positive number reads as page 1 and a page past the end reads as the last page, so a hand-edited
// address never fails.
public sealed class Paging
{
    public const int DefaultPageSize = 20;
    public const string QueryKey = "page";

    private Paging(int page, int pageSize, int total)
    {
        PageSize = pageSize;
        Total = total;
        PageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        Page = Math.Clamp(page, 1, PageCount);
    }

    public int Page { get; }
    public int PageSize { get; }
    public int Total { get; }
    public int PageCount { get; }
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
    public int First => Total == 0 ? 0 : Skip + 1;
    public int Last => Math.Min(Skip + PageSize, Total);

    // Set by For(request, ...) so the pager keeps the other query values (filters) in its links.
    public string Path { get; private set; } = "";
    private Dictionary<string, StringValues> Query { get; set; } = [];

    // "Showing 21–40 of 63"
    public string Summary => Total == 0
        ? "Nothing to show"
        : string.Create(CultureInfo.InvariantCulture, $"Showing {First}–{Last} of {Total}");

    public static int ParsePage(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    public static Paging For(int requestedPage, int total, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return new Paging(requestedPage, pageSize, Math.Max(0, total));
    }

    // Count the rows first, then: var paging = Paging.For(Request, total); query.Skip(paging.Skip).Take(paging.PageSize)
    public static Paging For(HttpRequest request, int total, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paging = For(ParsePage(request.Query[QueryKey]), total, pageSize);
        paging.Path = request.PathBase + request.Path;
        paging.Query = request.Query
            .Where(q => !string.Equals(q.Key, QueryKey, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        return paging;
    }

    public string UrlFor(int page)
    {
        var query = new Dictionary<string, StringValues>(Query, StringComparer.OrdinalIgnoreCase);
        if (page > 1)
            query[QueryKey] = page.ToString(CultureInfo.InvariantCulture);
        var pairs = query
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString(Path.Length == 0 ? "?" : Path, pairs).Replace("?&", "?", StringComparison.Ordinal);
    }

    // Page numbers to offer: the first, the last, and two either side of the current one; null is a gap.
    public IReadOnlyList<int?> Window()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
                pages.Add(p);
        }
        var result = new List<int?>();
        int? previous = null;
        foreach (var p in pages)
        {
            if (previous is { } prev && p > prev + 1)
                result.Add(null);
            result.Add(p);
            previous = p;
        }
        return result;
    }
}
