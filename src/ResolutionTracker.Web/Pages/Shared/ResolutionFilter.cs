using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Pages.Shared;

// What both lists of resolutions, the desk's and the public one, filter by: "?body=HumanRightsCouncil&session=43&status=Draft".
public sealed record ResolutionFilter(UnBody? Body, int? Session, ResolutionStatus? Status)
{
    public static readonly ResolutionFilter None = new(null, null, null);

    public bool Any => Body is not null || Session is not null || Status is not null;

    public static ResolutionFilter Read(ListFilters filters, string? body, string? session, string? status)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var unBody = filters.Choice<UnBody>(body, "body");
        var resolutionStatus = filters.Choice<ResolutionStatus>(status, "status");
        return new(unBody, filters.PositiveNumber(session, "session"), resolutionStatus);
    }

    // The resolutions that pass, newest session first.
    public IQueryable<Resolution> Apply(IQueryable<Resolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        if (Body is { } body)
            resolutions = resolutions.Where(r => r.Body == body);
        if (Session is { } session)
            resolutions = resolutions.Where(r => r.Session.Number == session);
        if (Status is { } status)
            resolutions = resolutions.Where(r => r.Status == status);
        return resolutions
            .OrderByDescending(r => r.Session.OpenedOn)
            .ThenByDescending(r => r.Session.Number)
            .ThenBy(r => r.Symbol);
    }
}
