using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Pages.Shared;

// Optimistic concurrency for edit forms: the form carries the row version it was loaded with (xmin);
// saving compares it, and the second writer is shown both versions instead of overwriting the first.
public static class Concurrency
{
    // Tell EF which version the user edited, so SaveChanges fails if the row moved on since.
    public static void ExpectVersion<T>(this AppDbContext db, T entity, uint rowVersion) where T : EditableEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.RowVersion).OriginalValue = rowVersion;
    }

    // Saves; on a conflict returns the record as the other person saved it (null if they deleted it).
    public static async Task<ConflictResult<T>> TrySaveAsync<T>(this AppDbContext db, T entity, CancellationToken cancellationToken = default) where T : EditableEntity
    {
        ArgumentNullException.ThrowIfNull(db);
        // The record's version is checked only when its row is written. A change may leave the row itself as
        // it was (only its children changed, or its UpdatedAt got the same microsecond), so the row is written
        // anyway and a stale version is still a conflict. Unchanged values leave no audit entry.
        // The state alone does not tell: ExpectVersion's stale original value makes the entry Modified
        // with nothing EF would write, and EF then sends no UPDATE at all.
        var root = db.Entry(entity);
        if (root.State is EntityState.Unchanged or EntityState.Modified)
        {
            var writable = root.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save).ToList();
            if (!writable.Any(p => p.IsModified))
                writable.ForEach(p => p.IsModified = true);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ConflictResult<T>(false, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(entity);
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ConflictResult<T>(true, current?.ToObject() as T);
        }
    }
}

public sealed record ConflictResult<T>(bool Conflicted, T? Theirs) where T : class;

// One field of a conflict notice: what the other person saved beside what this user typed.
public sealed record ConflictField(string Label, string? Theirs, string? Yours);
