using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Text.Alignment;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Resolutions;

public sealed record ImportedParagraph(ParagraphKind Kind, int Number, string Text, IReadOnlyList<ParsedSubItem> SubItems);

public sealed record NewVersion(string Label, VersionKind Kind, DateOnly? Date, string? Symbol,
    TextCompleteness Completeness, IReadOnlyList<ImportedParagraph> Paragraphs, IReadOnlyList<string> Sponsors);

public sealed record VersionAddResult(ResolutionVersion Version, IReadOnlyList<string> UnmatchedSponsors, AlignmentSummary Summary);

// Adds a version to a tracked resolution so that everything written about the old text carries over: paragraphs
// the aligner pairs with the latest version's keep their StableId, and the concerns and notes on them follow
// (the domain flags them when the words changed). Concerns and notes on a deleted paragraph stay where they are,
// on the old version, where the working view shows them as about a deleted paragraph. Nothing is saved here:
// the caller saves once, so the version, the moves and the audit entries land in one transaction.
public sealed class VersionAdder(AppDbContext db)
{
    // The resolution must be tracked and loaded with its versions, their paragraphs and sub-items.
    public async Task<VersionAddResult> AddAsync(Resolution resolution, NewVersion input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(input);

        var previous = resolution.LatestVersion;
        var oldParagraphs = previous?.Paragraphs.OrderBy(p => p.Position).ToList() ?? [];
        var alignment = ParagraphAligner.Align(
            oldParagraphs.Select(ToAligned).ToList(),
            input.Paragraphs.Select(p => new AlignedParagraph(ToAligned(p.Kind), p.Number, p.Text.Trim(), p.SubItems)).ToList());

        var stableIds = new Dictionary<int, Guid>();
        foreach (var pair in alignment.Pairs.Where(p => p.Carried))
            stableIds[pair.NewIndex!.Value] = oldParagraphs[pair.OldIndex!.Value].StableId;

        var version = resolution.AddVersion(input.Label, input.Kind, input.Date, input.Completeness, input.Symbol);
        var added = new Paragraph[input.Paragraphs.Count];
        for (var j = 0; j < input.Paragraphs.Count; j++)
        {
            var p = input.Paragraphs[j];
            var text = p.Text?.Trim();
            var source = string.IsNullOrEmpty(text) ? TextSource.NotImported : TextSource.Imported;
            var paragraph = version.AddParagraph(p.Kind, p.Number, text, source, stableIds.TryGetValue(j, out var sid) ? sid : null);
            foreach (var item in p.SubItems)
                paragraph.AddSubItem(item.Label, item.Text, item.Level);
            added[j] = paragraph;
        }

        if (previous is not null && previous.Id != 0)
            await FollowAsync(oldParagraphs, alignment, added, ct);

        var unmatched = await SponsorAsync(version, input.Sponsors, ct);
        return new VersionAddResult(version, unmatched, alignment.Summary);
    }

    private async Task FollowAsync(List<Paragraph> oldParagraphs, ParagraphAlignment alignment, Paragraph[] added, CancellationToken ct)
    {
        var moves = alignment.Pairs
            .Where(p => p.Carried)
            .ToDictionary(p => oldParagraphs[p.OldIndex!.Value].Id, p => (From: oldParagraphs[p.OldIndex!.Value], To: added[p.NewIndex!.Value]));
        if (moves.Count == 0)
            return;
        var ids = moves.Keys.ToList();

        var concerns = await db.Concerns
            .Include(c => c.Paragraphs).ThenInclude(cp => cp.Paragraph)
            .Where(c => c.Paragraphs.Any(cp => ids.Contains(cp.ParagraphId)))
            .ToListAsync(ct);
        foreach (var concern in concerns)
        {
            foreach (var link in concern.Paragraphs.Where(cp => moves.ContainsKey(cp.ParagraphId)).ToList())
            {
                var (from, to) = moves[link.ParagraphId];
                concern.FollowParagraph(from, to);
            }
        }

        var notes = await db.Annotations.Where(a => ids.Contains(a.ParagraphId)).ToListAsync(ct);
        foreach (var note in notes)
            note.FollowParagraph(moves[note.ParagraphId].To);
    }

    // The UN's sponsor line lists the main sponsors; the domain allows ten, so any beyond are recorded as co-sponsors.
    private async Task<List<string>> SponsorAsync(ResolutionVersion version, IReadOnlyList<string> names, CancellationToken ct)
    {
        var unmatched = new List<string>();
        if (names.Count == 0)
            return unmatched;
        var states = await db.Organisations.Where(o => o.Kind == OrganisationKind.State).ToListAsync(ct);
        var byName = new Dictionary<string, Domain.Organisations.Organisation>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            byName.TryAdd(NameKey(state.Name), state);
            if (state.ShortName is not null)
                byName.TryAdd(NameKey(state.ShortName), state);
        }
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (!byName.TryGetValue(NameKey(name), out var state))
            {
                unmatched.Add(name.Trim());
                continue;
            }
            if (version.Sponsorships.Any(s => ReferenceEquals(s.Organisation, state)))
                continue;
            var role = version.Sponsorships.Count(s => s.Role == SponsorRole.MainSponsor) < 10 ? SponsorRole.MainSponsor : SponsorRole.CoSponsor;
            version.Sponsor(state, role);
        }
        return unmatched;
    }

    // Case, accents, punctuation and spacing do not distinguish two states' names ("Côte d'Ivoire", "Cote d’Ivoire").
    // The import page matches sponsors and voters with the same key.
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static AlignedParagraphKind ToAligned(ParagraphKind kind) =>
        kind == ParagraphKind.Preambular ? AlignedParagraphKind.Preambular : AlignedParagraphKind.Operative;

    public static AlignedParagraph ToAligned(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return new AlignedParagraph(ToAligned(paragraph.Kind), paragraph.Number, paragraph.Text,
            paragraph.SubItems.OrderBy(s => s.Position).Select(s => new ParsedSubItem(s.Label, s.Text, s.Level)).ToList());
    }
}
