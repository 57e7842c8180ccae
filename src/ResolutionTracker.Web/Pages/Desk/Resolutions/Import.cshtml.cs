using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;
using ResolutionTracker.Text.Symbols;
using ResolutionTracker.Web.Data;
using ResolutionTracker.Web.Formatting;
using ResolutionTracker.Web.Pages.Shared;
using ResolutionTracker.Web.Resolutions;

namespace ResolutionTracker.Web.Pages.Desk.Resolutions;

// Import of a UN text in two steps: read (paste or upload) and preview. The preview is a form holding the
// whole parsed structure; each correction posts it back and gets it again, corrected. Nothing is saved
// until "Save", which creates a resolution or adds a version to one (through VersionAdder).
// A 5 MB paste must reach the page to be refused with a message rather than cut off by the server; the
// preview of a long resolution posts several fields for each of its 150+ paragraphs.
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(ValueLengthLimit = RequestLimit, MultipartBodyLengthLimit = RequestLimit, ValueCountLimit = 20_000)]
public sealed class ImportModel(AppDbContext db, VersionAdder versions) : PageModel
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

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = Read.File is { Length: > 0 } file
            ? await ImportReader.FromFileAsync(file, cancellationToken)
            : ImportReader.FromPaste(Read.Text);
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
        if (!Enum.IsDefined(Save.Kind))
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
            var (resolutionId, status) = target is null
                ? await CreateResolutionAsync(paragraphs, cancellationToken)
                : await AddVersionAsync(target, paragraphs, cancellationToken);
            TempData["Status"] = status;
            return RedirectToPage("/Desk/Resolutions/Detail", new { id = resolutionId });
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

    private async Task<(int Id, string Status)> CreateResolutionAsync(IReadOnlyList<ImportedParagraph> paragraphs, CancellationToken cancellationToken)
    {
        var body = Draft.Body!.Value;
        var number = Draft.Session!.Value;
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Body == body && s.Number == number, cancellationToken)
            ?? new Session(body, number);
        var resolution = new Resolution(Draft.Symbol!.Trim(), ImportDraft.CollapseSpaces(Draft.Title), body, session,
            agendaItem: string.IsNullOrWhiteSpace(Draft.AgendaItem) ? null : Draft.AgendaItem.Trim());
        var version = resolution.AddVersion(Save.Label!, Save.Kind, Save.Date, TextCompleteness.Complete, resolution.Symbol);
        if (Save.Kind == VersionKind.Adopted && Save.Date is { } adopted)
            resolution.MarkAdopted(adopted);
        foreach (var p in paragraphs)
        {
            var paragraph = version.AddParagraph(p.Kind, p.Number, p.Text, TextSource.Imported);
            foreach (var item in p.SubItems)
                paragraph.AddSubItem(item.Label, item.Text, item.Level);
        }

        var states = await StatesAsync(cancellationToken);
        var unmatched = new List<string>();
        foreach (var name in Draft.SponsorNames())
        {
            if (!states.TryGetValue(VersionAdder.NameKey(name), out var state))
            {
                unmatched.Add(name);
                continue;
            }
            if (version.Sponsorships.Any(s => ReferenceEquals(s.Organisation, state)))
                continue;
            // The first state listed leads; the UN's sponsor line does not mark the others as main sponsors.
            version.Sponsor(state, version.Sponsorships.Count == 0 ? SponsorRole.MainSponsor : SponsorRole.CoSponsor);
        }
        var voteNote = RecordVote(version, states);

        db.Resolutions.Add(resolution);
        await db.SaveChangesAsync(cancellationToken);

        var operative = paragraphs.Count(p => p.Kind == ParagraphKind.Operative);
        var status = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Imported {resolution.Symbol}: {Format.Number(paragraphs.Count - operative)} preambular and {Format.Count(operative, "operative paragraph")}"));
        AppendUnmatched(status, unmatched);
        status.Append(voteNote).Append('.');
        return (resolution.Id, status.ToString());
    }

    private async Task<(int Id, string Status)> AddVersionAsync(Resolution resolution, IReadOnlyList<ImportedParagraph> paragraphs, CancellationToken cancellationToken)
    {
        var symbol = string.IsNullOrWhiteSpace(Draft.Symbol) ? null : Draft.Symbol.Trim();
        var input = new NewVersion(Save.Label!.Trim(), Save.Kind, Save.Date, symbol, TextCompleteness.Complete, paragraphs, Draft.SponsorNames());
        var result = await versions.AddAsync(resolution, input, cancellationToken);
        if (Save.Kind == VersionKind.Adopted && Save.Date is { } adopted)
            resolution.MarkAdopted(adopted);
        var voteNote = RecordVote(result.Version, await StatesAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        var s = result.Summary;
        var status = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Added {result.Version.Label} to {resolution.Symbol}: {s.Kept} kept, {s.Changed} changed, {s.Added} added, {s.Deleted} deleted, {s.Moved} moved"));
        AppendUnmatched(status, result.UnmatchedSponsors);
        status.Append(voteNote).Append('.');
        return (resolution.Id, status.ToString());
    }

    private static void AppendUnmatched(StringBuilder status, IReadOnlyList<string> unmatched)
    {
        if (unmatched.Count > 0)
            status.Append(CultureInfo.InvariantCulture, $"; {Format.Count(unmatched.Count, "sponsor")} not matched: {string.Join(", ", unmatched)}");
    }

    // The recorded vote of an Akoma Ntoso file, for the states the organisations table knows.
    private string RecordVote(ResolutionVersion version, Dictionary<string, Organisation> states)
    {
        if (!Draft.HasVote)
            return "";
        var date = Draft.VoteDate ?? Save.Date ?? Draft.Date;
        if (date is null)
            return "; the vote was not saved because it has no date";
        var vote = new Vote(version, Draft.VoteWithoutVote ? VoteKind.WithoutVote : VoteKind.Recorded, date.Value,
            string.IsNullOrWhiteSpace(Draft.VoteMeeting) ? null : Draft.VoteMeeting.Trim()[..Math.Min(Draft.VoteMeeting.Trim().Length, Limits.Meeting)]);
        db.Votes.Add(vote);
        if (Draft.VoteWithoutVote)
            return "; adopted without a vote";
        var unmatched = new List<string>();
        foreach (var (name, choice) in Draft.VoteList())
        {
            if (states.TryGetValue(VersionAdder.NameKey(name), out var state))
                vote.Record(state, choice);
            else
                unmatched.Add(name);
        }
        var note = $"; recorded vote of {Format.Count(vote.Rows.Count, "state")}";
        return unmatched.Count == 0 ? note : note + $" ({Format.Count(unmatched.Count, "state")} not matched: {string.Join(", ", unmatched)})";
    }

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
        var states = await StatesAsync(cancellationToken);
        Sponsors = Draft.SponsorNames().Select(n => new SponsorMatch(n, states.TryGetValue(VersionAdder.NameKey(n), out var s) ? s.Name : null)).ToList();
        UnmatchedVoters = Draft.VoteList().Select(v => v.State).Where(n => !states.ContainsKey(VersionAdder.NameKey(n))).ToList();
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
        var save = new SaveInput { Label = LabelFor(symbol), Kind = KindFor(symbol), Date = Draft.Date };
        if (!string.IsNullOrEmpty(symbol))
        {
            var root = RootSymbol(symbol);
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

    // A/HRC/43/L.31/Rev.1 is a version of A/HRC/43/L.31.
    public static string RootSymbol(string symbol)
    {
        var at = symbol.IndexOf("/Rev.", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            at = symbol.IndexOf("/Corr.", StringComparison.OrdinalIgnoreCase);
        return at > 0 ? symbol[..at] : symbol;
    }

    public static string LabelFor(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol))
            return "Imported text";
        if (symbol.Contains("/RES/", StringComparison.OrdinalIgnoreCase))
            return "Adopted text";
        var draft = symbol.IndexOf("/L.", StringComparison.OrdinalIgnoreCase);
        var label = draft >= 0 ? symbol[(draft + 1)..] : symbol;
        return label.Length <= Limits.Label ? label : label[..Limits.Label];
    }

    public static VersionKind KindFor(string? symbol) => symbol switch
    {
        null => VersionKind.Draft,
        _ when symbol.Contains("/RES/", StringComparison.OrdinalIgnoreCase) => VersionKind.Adopted,
        _ when symbol.Contains("/Rev.", StringComparison.OrdinalIgnoreCase) => VersionKind.Revision,
        _ => VersionKind.Draft,
    };

    public static bool LooksLikeSymbol(string? symbol) => !string.IsNullOrWhiteSpace(symbol) && SymbolRecognizer.IsSymbol(symbol.Trim());

    private async Task<Dictionary<string, Organisation>> StatesAsync(CancellationToken cancellationToken)
    {
        var states = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            byKey.TryAdd(VersionAdder.NameKey(state.Name), state);
            if (state.ShortName is not null)
                byKey.TryAdd(VersionAdder.NameKey(state.ShortName), state);
        }
        return byKey;
    }
}
