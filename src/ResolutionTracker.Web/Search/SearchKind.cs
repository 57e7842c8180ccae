namespace ResolutionTracker.Web.Search;

// The groups of results, in the order the page shows them. Concerns are internal: signed-in users only.
public enum SearchKind
{
    Briefings,
    Resolutions,
    Paragraphs,
    Concerns,
    Organisations,
}
