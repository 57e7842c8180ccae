using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ConcernParagraphConfiguration : IEntityTypeConfiguration<ConcernParagraph>
{
    public void Configure(EntityTypeBuilder<ConcernParagraph> builder)
    {
        builder.HasKey(cp => new { cp.ConcernId, cp.ParagraphId });
        builder.Property(cp => cp.Quote).HasMaxLength(Limits.Quote);
        builder.Property(cp => cp.TextWhenLinked).HasMaxLength(Limits.ParagraphText);
        builder.Ignore(cp => cp.TextChanged);
        builder.HasOne(cp => cp.Paragraph).WithMany().HasForeignKey(cp => cp.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(cp => cp.ParagraphId);
    }
}
