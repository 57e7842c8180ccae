using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class BriefingSnapshotConfiguration : IEntityTypeConfiguration<BriefingSnapshot>
{
    public void Configure(EntityTypeBuilder<BriefingSnapshot> builder)
    {
        builder.Property(s => s.PublishedBy).HasMaxLength(Limits.UserId);
        builder.Property(s => s.Content).HasColumnType("jsonb");
        builder.Property(s => s.ContentHash).HasMaxLength(32).HasComputedColumnSql("md5(content::text)", stored: true);
        builder.HasIndex(s => new { s.BriefingId, s.Number }).IsUnique();
        // The table also has search_vector, a generated tsvector with a GIN index, left out of the model on purpose: see Search/FullText.cs.
    }
}
