using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.Property(a => a.AuthorId).HasMaxLength(Limits.UserId);
        builder.Property(a => a.Body).HasMaxLength(Limits.Note);
        builder.Property(a => a.ResolvedBy).HasMaxLength(Limits.UserId);
        builder.Ignore(a => a.IsResolved);
        builder.Property(a => a.TextWhenWritten).HasMaxLength(Limits.ParagraphText);
        builder.OwnsOne(a => a.Selector, s =>
        {
            s.Property(x => x.Exact).HasColumnName("quote_exact").HasMaxLength(Limits.Quote);
            s.Property(x => x.Prefix).HasColumnName("quote_prefix").HasMaxLength(Limits.QuoteContext);
            s.Property(x => x.Suffix).HasColumnName("quote_suffix").HasMaxLength(Limits.QuoteContext);
        });
        builder.HasOne(a => a.Paragraph).WithMany().HasForeignKey(a => a.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ParagraphId);
        builder.HasIndex(a => a.ParentId);
        builder.HasIndex(a => a.AuthorId);
        builder.HasXminConcurrency();
    }
}
