using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// /briefings/{slug}/v/{n}/briefing.docx: the same export, of snapshot n.
public sealed class BriefingDocxVersionModel(AppDbContext db) : BriefingDocxModel(db);
