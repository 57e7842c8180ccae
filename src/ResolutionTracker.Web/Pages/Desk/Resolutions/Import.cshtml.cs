using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Text.Symbols;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// Import of a UN text in two steps: read (paste or upload) and preview. The preview is a form holding the
// whole parsed structure; each correction posts it back and gets it again, corrected. Nothing is saved
// until "Save", which creates a resolution or adds a version to one (both through ResolutionImporter).
// A 5 MB paste must reach the page to be refused with a message rather than cut off by the server; the
// preview of a long resolution posts several fields for each of its 150+ paragraphs.
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(ValueLengthLimit = RequestLimit, MultipartBodyLengthLimit = RequestLimit, ValueCountLimit = 20_000)]
public sealed class ImportModel(AppDbContext db, ResolutionImporter importer) : PageModel
{
    private const int RequestLimit = 16 * 1024 * 1024;

    public enum SaveMode
    {
        NewResolution,
        NewVersion,
    }

    public sealed class ReadInput
    {
        [Display(Name = "Text of the resolution")]
        public string? Text { get; set; }

        [Display(Name = "Or upload a file")]
        public IFormFile? File { get; set; }
    }

    public sealed class SaveInput
    {
        public SaveMode Mode { get; set; }

        [Display(Name = "Resolution")]
        public int? ResolutionId { get; set; }

        [Display(Name = "Version label")]
        [StringLength(Limits.Label, ErrorMessage = "A version label must be at most {1} characters.")]
        public string? Label { get; set; }

        [Display(Name = "Kind of version")]
        public VersionKind Kind { get; set; }

        [Display(Name = "Date of this version")]
        public DateOnly? Date { get; set; }
    }

    public sealed record SponsorMatch(string Name, string? State);

    public sealed record ResolutionOption(int Id, string Symbol, string Title);

    [BindProperty]
    public ReadInput Read { get; set; } = new();

    [BindProperty]
    public ImportDraft Draft { get; set; } = new();

    [BindProperty]
    public SaveInput Save { get; set; } = new();

    public bool Previewing { get; private set; }
    public IReadOnlyList<SponsorMatch> Sponsors { get; private set; } = [];
    public IReadOnlyList<string> UnmatchedVoters { get; private set; } = [];
    public IReadOnlyList<ResolutionOption> Resolutions { get; private set; } = [];

    // The resolution that already has the draft's symbol, when saving as a new one was refused for it.
    public ResolutionOption? Existing { get; private set; }

    public IReadOnlyList<string> Unmatched => Sponsors.Where(s => s.State is null).Select(s => s.Name).ToList();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostReadAsync([FromServices] IConfiguration configuration, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var readTime = configuration.GetValue(ImportReader.ReadTimeSetting, ImportReader.MaxReadTime);
        var outcome = Read.File is { Length: > 0 } file
            ? await ImportReader.FromFileAsync(file, readTime, cancellationToken)
            : ImportReader.FromPaste(Read.Text, readTime, cancellationToken);
        if (outcome.Error is not null)
        {
            // Never echo a huge paste back into the page.
            if (Read.Text?.Length > ImportReader.MaxCharacters)
                Read.Text = null;
            ModelState.AddModelError(Read.File is { Length: > 0 } ? "Read.File" : "Read.Text", outcome.Error);
            return this.Invalid();
        }

        Draft = ImportDraft.From(outcome.Parsed!);
        Draft.Source = outcome.Source;
        Read.Text = null;
        Save = await DefaultSaveAsync(cancellationToken);
        return await PreviewAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken) => CorrectAsync(() => null, cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(int index, CancellationToken cancellationToken) => CorrectAsync(() => Draft.Merge(index), cancellationToken, index);

    public Task<IActionResult> OnPostSplitAsync(int index, CancellationToken cancellationToken) => CorrectAsync(() => Draft.Split(index), cancellationToken, index, "SplitBefore");

    public Task<IActionResult> OnPostDeleteAsync(int index, CancellationToken cancellationToken) => CorrectAsync(() => Draft.Delete(index), cancellationToken, index);

    public Task<IActionResult> OnPostUpAsync(int index, CancellationToken cancellationToken) => CorrectAsync(() => Draft.Move(index, -1), cancellationToken, index);

    public Task<IActionResult> OnPostDownAsync(int index, CancellationToken cancellationToken) => CorrectAsync(() => Draft.Move(index, +1), cancellationToken, index);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var (paragraphs, errors) = Draft.ToImported();
        foreach (var (key, message) in errors)
            ModelState.AddModelError(key, message);
        if (Draft.Paragraphs.Count == 0)
            ModelState.AddModelError(string.Empty, "There is no paragraph to save. Go back and read the text again.");
        else if (!Draft.HasOperative && !Draft.Checked)
            ModelState.AddModelError("Draft.Checked", "This text has no operative paragraph. Check the structure below, then tick \"I have checked the structure\" to save it as it is.");
        if (string.IsNullOrWhiteSpace(Save.Label))
            ModelState.AddModelError("Save.Label", "Give the version a label, such as L.31, L.31/Rev.1 or \"Adopted text\".");
        if (Refused("Save.Mode") || !Enum.IsDefined(Save.Mode))
            ModelState.AddModelError("Save.Mode", "Choose whether to save the text as a new resolution or as a new version of one.");
        if (Refused("Save.Kind") || !Enum.IsDefined(Save.Kind))
            ModelState.AddModelError("Save.Kind", "Choose the kind of version.");

        Resolution? target = null;
        if (Save.Mode == SaveMode.NewVersion)
        {
            if (Save.ResolutionId is null)
            {
                ModelState.AddModelError("Save.ResolutionId", "Choose the resolution this text is a new version of.");
            }
            else
            {
                target = await db.Resolutions
                    .Include(r => r.Versions).ThenInclude(v => v.Paragraphs).ThenInclude(p => p.SubItems)
                    .AsSplitQuery()
                    .FirstOrDefaultAsync(r => r.Id == Save.ResolutionId, cancellationToken);
                if (target is null)
                    return NotFound();
            }
        }
        else
        {
            CheckNewResolution();
            if (ModelState.IsValid)
            {
                var symbol = Draft.Symbol!.Trim();
                var slug = Domain.Slug.From(symbol);
                Existing = await db.Resolutions.AsNoTracking()
                    .Where(r => r.Symbol == symbol || r.Slug == slug)
                    .Select(r => new ResolutionOption(r.Id, r.Symbol, r.Title))
                    .FirstOrDefaultAsync(cancellationToken);
                if (Existing is not null)
                {
                    ModelState.AddModelError("Draft.Symbol",
                        $"A resolution with the symbol {Existing.Symbol} already exists, so nothing was saved. " +
                        "To add this text to it, choose \"a new version of an existing resolution\" below (it is selected for you) and save again.");
                    Save.Mode = SaveMode.NewVersion;
                    Save.ResolutionId = Existing.Id;
                    ModelState.Remove("Save.Mode");
                    ModelState.Remove("Save.ResolutionId");
                }
            }
        }

        if (!ModelState.IsValid)
            return await PreviewAsync(cancellationToken, invalid: true);

        try
        {
            var version = NewVersionFrom(paragraphs);
            var result = target is null
                ? await importer.SaveNewAsync(NewResolutionFrom(), version, cancellationToken)
                : await importer.AddVersionAsync(target, version, cancellationToken);
            TempData["Status"] = StatusOf(result, paragraphs, isNew: target is null);
            return RedirectToPage("/Desk/Resolutions/Detail", new { id = result.Resolution.Id });
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, refusal.Message + " Nothing was saved.");
            return await PreviewAsync(cancellationToken, invalid: true);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone saved the same symbol or version a moment ago.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "Someone saved a resolution or version with the same symbol or label a moment ago, so nothing was saved. Check the resolution, then save again.");
            return await PreviewAsync(cancellationToken, invalid: true);
        }
    }

    // True when the binder refused the posted value, a choice the form does not offer; its words ("The value '7'
    // is invalid.") do not say which choice, so they give way to ours.
    private bool Refused(string key)
    {
        if (ModelState[key] is not { Errors.Count: > 0 } entry)
            return false;
        entry.Errors.Clear();
        return true;
    }

    private void CheckNewResolution()
    {
        if (string.IsNullOrWhiteSpace(Draft.Symbol))
            ModelState.AddModelError("Draft.Symbol", "Give the document symbol, such as A/HRC/43/L.31.");
        if (string.IsNullOrWhiteSpace(Draft.Title))
            ModelState.AddModelError("Draft.Title", "Give the title of the resolution.");
        if (Draft.Body is null || !Enum.IsDefined(Draft.Body.Value))
            ModelState.AddModelError("Draft.Body", "Choose the UN body.");
        if (Draft.Session is null)
            ModelState.AddModelError("Draft.Session", "Give the session number, such as 43.");
    }

    private NewResolution NewResolutionFrom() => new(Draft.Symbol!.Trim(), ImportDraft.CollapseSpaces(Draft.Title), Draft.Body!.Value, Draft.Session!.Value,
        string.IsNullOrWhiteSpace(Draft.AgendaItem) ? null : Draft.AgendaItem.Trim());

    // The same text, label, sponsors and vote whether it starts a resolution or adds a version to one.
    private NewVersion NewVersionFrom(IReadOnlyList<ImportedParagraph> paragraphs)
    {
        var symbol = string.IsNullOrWhiteSpace(Draft.Symbol) ? null : Draft.Symbol.Trim();
        var vote = Draft.HasVote
            ? new ImportedVote(Draft.VoteDate ?? Save.Date ?? Draft.Date, Draft.VoteMeeting, Draft.VoteWithoutVote, Draft.VoteList())
            : null;
        return new NewVersion(Save.Label!.Trim(), Save.Kind, Save.Date, symbol, TextCompleteness.Complete, paragraphs, Draft.SponsorNames(), vote);
    }

    private static string StatusOf(ImportResult result, IReadOnlyList<ImportedParagraph> paragraphs, bool isNew)
    {
        var symbol = result.Resolution.Symbol;
        var status = new StringBuilder();
        if (isNew)
        {
            var operative = paragraphs.Count(p => p.Kind == ParagraphKind.Operative);
            status.Append(CultureInfo.InvariantCulture,
                $"Imported {symbol}: {Format.Number(paragraphs.Count - operative)} preambular and {Format.Count(operative, "operative paragraph")}");
        }
        else
        {
            var s = result.Summary;
            status.Append(CultureInfo.InvariantCulture,
                $"Added {result.Version.Label} to {symbol}: {s.Kept} kept, {s.Changed} changed, {s.Added} added, {s.Deleted} deleted, {s.Moved} moved");
        }
        if (result.UnmatchedSponsors.Count > 0)
            status.Append(CultureInfo.InvariantCulture, $"; {Format.Count(result.UnmatchedSponsors.Count, "sponsor")} not matched: {string.Join(", ", result.UnmatchedSponsors)}");
        status.Append(VoteNote(result.Vote)).Append('.');
        return status.ToString();
    }

    private static string VoteNote(ImportedVoteResult? vote) => vote switch
    {
        null => "",
        { Saved: false } => "; the vote was not saved because it has no date",
        { WithoutVote: true } => "; adopted without a vote",
        { UnmatchedStates.Count: 0 } => $"; recorded vote of {Format.Count(vote.Recorded, "state")}",
        _ => $"; recorded vote of {Format.Count(vote.Recorded, "state")} ({Format.Count(vote.UnmatchedStates.Count, "state")} not matched: {string.Join(", ", vote.UnmatchedStates)})",
    };

    private async Task<IActionResult> CorrectAsync(Func<string?> correction, CancellationToken cancellationToken, int? index = null, string? field = null)
    {
        var problem = correction();
        if (problem is not null)
        {
            var key = index is { } i && field is not null && i >= 0 && i < Draft.Paragraphs.Count ? $"Draft.Paragraphs[{i}].{field}" : string.Empty;
            ModelState.AddModelError(key, problem);
            return await PreviewAsync(cancellationToken, invalid: true);
        }
        // The rows moved: the form must show the corrected draft, not what was posted in each place.
        ModelState.Clear();
        return await PreviewAsync(cancellationToken);
    }

    private async Task<IActionResult> PreviewAsync(CancellationToken cancellationToken, bool invalid = false)
    {
        Previewing = true;
        var states = await StateNames.LoadAsync(db, cancellationToken);
        Sponsors = Draft.SponsorNames().Select(n => new SponsorMatch(n, states.Find(n)?.Name)).ToList();
        UnmatchedVoters = Draft.VoteList().Select(v => v.State).Where(n => states.Find(n) is null).ToList();
        Resolutions = await db.Resolutions.AsNoTracking()
            .OrderBy(r => r.Symbol)
            .Select(r => new ResolutionOption(r.Id, r.Symbol, r.Title))
            .Take(2_000)
            .ToListAsync(cancellationToken);
        return invalid ? this.Invalid() : Page();
    }

    // Guesses how the text will be saved: as a version of the resolution its symbol belongs to, if there is one.
    private async Task<SaveInput> DefaultSaveAsync(CancellationToken cancellationToken)
    {
        var symbol = Draft.Symbol?.Trim();
        var label = SymbolGuesses.LabelFor(symbol);
        var kind = SymbolGuesses.KindFor(symbol) switch
        {
            SymbolStage.Adopted => VersionKind.Adopted,
            SymbolStage.Revision => VersionKind.Revision,
            _ => VersionKind.Draft,
        };
        var save = new SaveInput { Label = label[..Math.Min(label.Length, Limits.Label)], Kind = kind, Date = Draft.Date };
        if (!string.IsNullOrEmpty(symbol))
        {
            var root = SymbolGuesses.RootSymbol(symbol);
            var match = await db.Resolutions.AsNoTracking()
                .Where(r => r.Symbol == symbol || r.Symbol == root)
                .Select(r => (int?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (match is not null)
            {
                save.Mode = SaveMode.NewVersion;
                save.ResolutionId = match;
            }
        }
        return save;
    }

    public static bool LooksLikeSymbol(string? symbol) => !string.IsNullOrWhiteSpace(symbol) && SymbolRecognizer.IsSymbol(symbol.Trim());
}
