using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Audit;
using ResolutionTracker.Domain.Briefings;
using ResolutionTracker.Domain.Concerns;
using ResolutionTracker.Domain.Resolutions;
using ResolutionTracker.Domain.Settings;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Auditing;

// Turns the change tracker's pending changes into audit entries: one per changed field.
// Values are read before saving (afterwards the original values are gone); keys and the record
// whose history shows the change are read after saving, when generated ids are known.
internal static class AuditTrail
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
    };

    public sealed record Pending(EntityEntry Entry, AuditAction Action, IReadOnlyList<(string Field, string? Old, string? New)> Fields);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry.Entity) || entry.Metadata.IsOwned() || entry.State is EntityState.Detached or EntityState.Unchanged)
                continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var fields = new List<(string, string?, string?)>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name == nameof(EditableEntity.RowVersion))
                    continue;
                var secret = Secret.Contains(name);
                // Added records are read after saving, when generated keys and foreign keys are real.
                switch (action)
                {
                    case AuditAction.Deleted when property.OriginalValue is not null && !property.Metadata.IsPrimaryKey():
                        fields.Add((name, secret ? "(set)" : Format(property.OriginalValue), null));
                        break;
                    case AuditAction.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        fields.Add((name, secret ? "(old)" : Format(property.OriginalValue), secret ? "(changed)" : Format(property.CurrentValue)));
                        break;
                }
            }
            if (action == AuditAction.Modified && fields.Count == 0)
                continue;
            pending.Add(new Pending(entry, action, fields));
        }
        return pending;
    }

    public static IEnumerable<AuditEntry> ToEntries(IEnumerable<Pending> pending, string? actorId, DateTimeOffset now)
    {
        foreach (var p in pending)
        {
            var type = TypeName(p.Entry.Entity);
            var id = KeyOf(p.Entry);
            var (rootType, rootId) = RootOf(p.Entry.Entity) ?? (type, id);
            var fields = p.Action == AuditAction.Added ? AddedFields(p.Entry) : p.Fields;
            if (fields.Count == 0)
            {
                yield return new AuditEntry(now, actorId, type, id, p.Action, null, null, null, rootType, rootId);
                continue;
            }
            foreach (var (field, old, @new) in fields)
                yield return new AuditEntry(now, actorId, type, id, p.Action, field, old, @new, rootType, rootId);
        }
    }

    private static List<(string Field, string? Old, string? New)> AddedFields(EntityEntry entry) =>
        entry.Properties
            .Where(p => p.CurrentValue is not null && !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(EditableEntity.RowVersion))
            .Select(p => (p.Metadata.Name, (string?)null, Secret.Contains(p.Metadata.Name) ? "(set)" : Format(p.CurrentValue)))
            .ToList();

    // Records that only staff ever see; saving them leaves the public pages as they are.
    public static bool IsPublic(object entity) =>
        entity.GetType().Namespace?.StartsWith("ResolutionTracker.Domain", StringComparison.Ordinal) == true
        && entity is not (Annotation or StatePosition or ContactLogEntry or ReviewComment or AuditEntry or CoalitionSettings);

    private static bool IsAudited(object entity) =>
        entity is not AuditEntry
        && (entity.GetType().Namespace?.StartsWith("ResolutionTracker.Domain", StringComparison.Ordinal) == true
            || entity is ApplicationUser or IdentityUserRole<string> or IdentityRole);

    public static string TypeName(object entity) => entity switch
    {
        IdentityUserRole<string> => "UserRole",
        IdentityRole => "Role",
        ApplicationUser => "User",
        ResolutionVersion => "Version",
        _ => entity.GetType().Name,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
            return "?";
        return string.Join(":", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue) ?? ""));
    }

    // Which history page a change belongs on. Children of an aggregate go to their root's page.
    private static (string, string)? RootOf(object entity) => entity switch
    {
        ResolutionVersion v => ("Resolution", Id(v.ResolutionId)),
        ResolutionLink l => ("Resolution", Id(l.ResolutionId)),
        Sponsorship s => s.Version is { } v ? ("Resolution", Id(v.ResolutionId)) : ("Version", Id(s.VersionId)),
        Vote v => v.Version is { } version ? ("Resolution", Id(version.ResolutionId)) : ("Version", Id(v.VersionId)),
        VoteRow r => r.Vote?.Version is { } version ? ("Resolution", Id(version.ResolutionId)) : ("Vote", Id(r.VoteId)),
        StatePosition p => ("Resolution", Id(p.ResolutionId)),
        ContactLogEntry c => c.StatePosition is { } p ? ("Resolution", Id(p.ResolutionId)) : ("StatePosition", Id(c.StatePositionId)),
        ParagraphSubItem i => ("Paragraph", Id(i.ParagraphId)),
        Annotation a => ("Paragraph", Id(a.ParagraphId)),
        ConcernParagraph cp => ("Concern", Id(cp.ConcernId)),
        ConcernRevision r => ("Concern", Id(r.ConcernId)),
        ReviewComment c => ("Concern", Id(c.ConcernId)),
        Footnote f => FootnoteRoot(f),
        Citation c => c.Footnote is { } f ? FootnoteRoot(f) : ("Footnote", Id(c.FootnoteId)),
        BriefingConcern bc => ("Briefing", Id(bc.BriefingId)),
        Recommendation r => ("Briefing", Id(r.BriefingId)),
        BriefingSignatory s => ("Briefing", Id(s.BriefingId)),
        BriefingSnapshot s => ("Briefing", Id(s.BriefingId)),
        IdentityUserRole<string> ur => ("User", ur.UserId),
        _ => null,
    };

    private static (string, string) FootnoteRoot(Footnote f) =>
        f.ConcernId is { } c ? ("Concern", Id(c)) : f.BriefingId is { } b ? ("Briefing", Id(b)) : ("Footnote", Id(f.Id));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
