using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(Limits.Title);
        builder.Property(b => b.Slug).HasMaxLength(Limits.Slug);
        builder.Property(b => b.Introduction).HasMaxLength(Limits.Body);
        builder.Property(b => b.PositionStatement).HasMaxLength(Limits.Summary);
        builder.HasIndex(b => b.Slug).IsUnique();
        builder.HasIndex(b => b.ResolutionId);
        builder.HasIndex(b => new { b.Status, b.PublishedAt });
        builder.HasOne(b => b.Resolution).WithMany().HasForeignKey(b => b.ResolutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Concerns).WithOne(c => c.Briefing).HasForeignKey(c => c.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Recommendations).WithOne(r => r.Briefing).HasForeignKey(r => r.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Signatories).WithOne(s => s.Briefing).HasForeignKey(s => s.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Footnotes).WithOne(f => f.Briefing).HasForeignKey(f => f.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Snapshots).WithOne(s => s.Briefing).HasForeignKey(s => s.BriefingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(b => b.Concerns).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(b => b.Recommendations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(b => b.Signatories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(b => b.Footnotes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(b => b.Snapshots).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
