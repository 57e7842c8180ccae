using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Pages.Shared;

// One page of either list of resolutions, the desk's or the public one: the filters as read, the sessions
// to choose from and the resolutions on this page, newest session first. Each page picks its own columns.
public sealed class ResolutionList
{
    public static readonly ResolutionList Empty = new(ResolutionFilter.None, [], [], Paging.For(1, 0), Enumerable.Empty<Resolution>().AsQueryable());

    private ResolutionList(ResolutionFilter filter, IReadOnlyList<string> ignored, IReadOnlyList<SessionOption> sessions, Paging paging, IQueryable<Resolution> onPage)
    {
        Filter = filter;
        Ignored = ignored;
        Sessions = sessions;
        Paging = paging;
        OnPage = onPage;
    }

    public ResolutionFilter Filter { get; }
    public IReadOnlyList<string> Ignored { get; }
    public IReadOnlyList<SessionOption> Sessions { get; }
    public Paging Paging { get; }
    public IQueryable<Resolution> OnPage { get; }

    public static async Task<ResolutionList> ReadAsync(IQueryable<Resolution> resolutions, HttpRequest request,
        string? body, string? session, string? status, CancellationToken cancellationToken)
    {
        var filters = new ListFilters();
        var filter = ResolutionFilter.Read(filters, body, session, status);
        var sessions = await SessionOption.WithResolutionsAsync(resolutions, cancellationToken);
        var query = filter.Apply(resolutions.AsNoTracking());
        var paging = Paging.For(request, await query.CountAsync(cancellationToken));
        return new(filter, filters.Ignored, sessions, paging, query.Skip(paging.Skip).Take(paging.PageSize));
    }
}
