using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ParagraphConfiguration : IEntityTypeConfiguration<Paragraph>
{
    public void Configure(EntityTypeBuilder<Paragraph> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(Limits.ParagraphText);
        builder.Ignore(p => p.Anchor);
        // The domain checks these too; the database keeps them true whatever writes the rows.
        builder.HasIndex(p => new { p.VersionId, p.Kind, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.VersionId, p.StableId }).IsUnique();
        builder.HasIndex(p => new { p.VersionId, p.Position });
        builder.HasIndex(p => p.StableId);
        builder.ToTable(t => t.HasCheckConstraint("ck_paragraphs_number_positive", "number > 0"));
        builder.HasMany(p => p.SubItems).WithOne(s => s.Paragraph).HasForeignKey(s => s.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.SubItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
        // The table also has search_vector, a generated tsvector with a GIN index, left out of the model on purpose: see Search/FullText.cs.
    }
}
