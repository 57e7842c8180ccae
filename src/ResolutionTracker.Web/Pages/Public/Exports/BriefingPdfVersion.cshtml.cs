using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Exports;

namespace ResolutionTracker.Web.Pages.Public.Exports;

// /briefings/{slug}/v/{n}/briefing.pdf: the same export, of snapshot n.
public sealed class BriefingPdfVersionModel(AppDbContext db, PdfPrinter printer, IWebHostEnvironment environment)
    : BriefingPdfModel(db, printer, environment);
