using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ResolutionVersionConfiguration : IEntityTypeConfiguration<ResolutionVersion>
{
    public void Configure(EntityTypeBuilder<ResolutionVersion> builder)
    {
        builder.ToTable("versions");
        builder.Property(v => v.Label).HasMaxLength(Limits.Label);
        builder.Property(v => v.Symbol).HasMaxLength(Limits.Symbol);
        builder.HasIndex(v => new { v.ResolutionId, v.Sequence }).IsUnique();
        builder.HasIndex(v => v.Symbol);
        builder.HasMany(v => v.Paragraphs).WithOne(p => p.Version).HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Sponsorships).WithOne(s => s.Version).HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Paragraphs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(v => v.Sponsorships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
