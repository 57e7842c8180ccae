using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.Property(r => r.Symbol).HasMaxLength(Limits.Symbol);
        builder.Property(r => r.Slug).HasMaxLength(Limits.Slug);
        builder.Property(r => r.Title).HasMaxLength(Limits.Title);
        builder.Property(r => r.AgendaItem).HasMaxLength(Limits.AgendaItem);
        builder.HasIndex(r => r.Symbol).IsUnique();
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasIndex(r => r.SessionId);
        builder.HasIndex(r => new { r.Body, r.Status });
        builder.HasOne(r => r.Session).WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Versions).WithOne(v => v.Resolution).HasForeignKey(v => v.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Predecessors).WithOne(l => l.Resolution).HasForeignKey(l => l.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Predecessors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.LatestVersion);
        builder.HasXminConcurrency();
        // The table also has search_vector, a generated tsvector with a GIN index, left out of the model on purpose: see Search/FullText.cs.
    }
}
