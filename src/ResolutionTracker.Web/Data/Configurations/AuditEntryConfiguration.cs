using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Audit;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(Limits.UserId);
        builder.Property(a => a.EntityType).HasMaxLength(Limits.Label);
        builder.Property(a => a.EntityId).HasMaxLength(Limits.Label);
        builder.Property(a => a.RootType).HasMaxLength(Limits.Label);
        builder.Property(a => a.RootId).HasMaxLength(Limits.Label);
        builder.Property(a => a.Field).HasMaxLength(Limits.Label);
        builder.Property(a => a.OldValue).HasMaxLength(Limits.AuditValue);
        builder.Property(a => a.NewValue).HasMaxLength(Limits.AuditValue);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.OccurredAt });
        builder.HasIndex(a => new { a.RootType, a.RootId, a.OccurredAt });
        builder.HasIndex(a => a.ActorId);
    }
}
