using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Votes;
using ResolutionTracker.Text.Alignment;
using ResolutionTracker.Text.Parsing;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Resolutions;

public sealed record ImportedParagraph(ParagraphKind Kind, int Number, string Text, IReadOnlyList<ParsedSubItem> SubItems);

// A recorded vote, or an adoption without a vote, read with the text (an Akoma Ntoso file carries one).
public sealed record ImportedVote(DateOnly? Date, string? Meeting, bool WithoutVote, IReadOnlyList<(string State, VoteChoice Choice)> Rows);

public sealed record NewVersion(string Label, VersionKind Kind, DateOnly? Date, string? Symbol,
    TextCompleteness Completeness, IReadOnlyList<ImportedParagraph> Paragraphs, IReadOnlyList<string> Sponsors, ImportedVote? Vote = null);

// A resolution the app does not track yet; its first version is a NewVersion like any other.
public sealed record NewResolution(string Symbol, string Title, UnBody Body, int Session, string? AgendaItem);

// Saved says whether the vote was kept at all: one without a date cannot be.
public sealed record ImportedVoteResult(bool Saved, bool WithoutVote, int Recorded, IReadOnlyList<string> UnmatchedStates);

public sealed record ImportResult(Resolution Resolution, ResolutionVersion Version, IReadOnlyList<string> UnmatchedSponsors,
    AlignmentSummary Summary, ImportedVoteResult? Vote);

// Saves an imported text, as a new resolution or as a new version of a tracked one, by one path: the same
// paragraphs, sponsors, vote and adoption rules either way, and one SaveChanges, so the resolution, its
// version, the moves and the audit entries land in one transaction.
// A new version carries over everything written about the old text: paragraphs the aligner pairs with the
// latest version's keep their StableId, and the concerns and notes on them follow (the domain flags them when
// the words changed). Concerns and notes on a deleted paragraph stay where they are, on the old version, where
// the working view shows them as about a deleted paragraph.
public sealed class ResolutionImporter(AppDbContext db)
{
    // The ten main sponsors a version may have (ResolutionVersion.Sponsor refuses an eleventh).
    private const int MostMainSponsors = 10;

    public async Task<ImportResult> SaveNewAsync(NewResolution resolution, NewVersion input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(input);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Body == resolution.Body && s.Number == resolution.Session, ct)
            ?? new Session(resolution.Body, resolution.Session);
        var created = new Resolution(resolution.Symbol, resolution.Title, resolution.Body, session, agendaItem: resolution.AgendaItem);
        db.Resolutions.Add(created);
        return await AddVersionAsync(created, input, ct);
    }

    // The resolution must be tracked and loaded with its versions, their paragraphs and sub-items.
    public async Task<ImportResult> AddVersionAsync(Resolution resolution, NewVersion input, CancellationToken ct)
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
        if (input.Kind == VersionKind.Adopted && input.Date is { } adopted)
            resolution.MarkAdopted(adopted);

        if (previous is not null && previous.Id != 0)
            await FollowAsync(oldParagraphs, alignment, added, ct);

        var states = await StateNames.LoadAsync(db, ct);
        var unmatched = Sponsor(version, input.Sponsors, states);
        var vote = RecordVote(version, input.Vote, states);
        await db.SaveChangesAsync(ct);
        return new ImportResult(resolution, version, unmatched, alignment.Summary, vote);
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

    // The UN's sponsor line names the states that table the text, usually in alphabetical order, and does not
    // say which of them leads. So every state on it is a main sponsor, in the order printed, up to the ten a
    // version may have; any after them are co-sponsors. The names that match no state come back in order.
    private static List<string> Sponsor(ResolutionVersion version, IReadOnlyList<string> names, StateNames states)
    {
        var unmatched = new List<string>();
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (states.Find(name) is not { } state)
            {
                unmatched.Add(name.Trim());
                continue;
            }
            if (version.Sponsorships.Any(s => ReferenceEquals(s.Organisation, state)))
                continue;
            var role = version.Sponsorships.Count(s => s.Role == SponsorRole.MainSponsor) < MostMainSponsors ? SponsorRole.MainSponsor : SponsorRole.CoSponsor;
            version.Sponsor(state, role);
        }
        return unmatched;
    }

    // The rows of the states the organisations table knows; the others come back by name.
    private ImportedVoteResult? RecordVote(ResolutionVersion version, ImportedVote? input, StateNames states)
    {
        if (input is null)
            return null;
        if (input.Date is not { } date)
            return new ImportedVoteResult(Saved: false, input.WithoutVote, 0, []);
        var meeting = input.Meeting?.Trim();
        var vote = new Vote(version, input.WithoutVote ? VoteKind.WithoutVote : VoteKind.Recorded, date,
            string.IsNullOrEmpty(meeting) ? null : meeting[..Math.Min(meeting.Length, Limits.Meeting)]);
        db.Votes.Add(vote);
        if (input.WithoutVote)
            return new ImportedVoteResult(Saved: true, WithoutVote: true, 0, []);
        var unmatched = new List<string>();
        foreach (var (name, choice) in input.Rows)
        {
            if (states.Find(name) is { } state)
                vote.Record(state, choice);
            else
                unmatched.Add(name);
        }
        return new ImportedVoteResult(Saved: true, WithoutVote: false, vote.Rows.Count, unmatched);
    }

    private static AlignedParagraphKind ToAligned(ParagraphKind kind) =>
        kind == ParagraphKind.Preambular ? AlignedParagraphKind.Preambular : AlignedParagraphKind.Operative;

    private static AlignedParagraph ToAligned(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        return new AlignedParagraph(ToAligned(paragraph.Kind), paragraph.Number, paragraph.Text,
            paragraph.SubItems.OrderBy(s => s.Position).Select(s => new ParsedSubItem(s.Label, s.Text, s.Level)).ToList());
    }
}
