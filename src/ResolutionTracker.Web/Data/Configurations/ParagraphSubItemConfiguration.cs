using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ParagraphSubItemConfiguration : IEntityTypeConfiguration<ParagraphSubItem>
{
    public void Configure(EntityTypeBuilder<ParagraphSubItem> builder)
    {
        builder.Property(s => s.Label).HasMaxLength(12);
        builder.Property(s => s.Text).HasMaxLength(Limits.ParagraphText);
        builder.HasIndex(s => new { s.ParagraphId, s.Position }).IsUnique();
    }
}
