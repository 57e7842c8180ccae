using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.Property(c => c.Symbol).HasMaxLength(Limits.Symbol);
        builder.Property(c => c.Url).HasMaxLength(Limits.Url);
        builder.Property(c => c.Label).HasMaxLength(Limits.Title);
        builder.HasIndex(c => new { c.FootnoteId, c.Position }).IsUnique();
        builder.HasIndex(c => c.Symbol);
        builder.ToTable(t => t.HasCheckConstraint("ck_citations_symbol_or_url", "symbol IS NOT NULL OR url IS NOT NULL"));
    }
}
