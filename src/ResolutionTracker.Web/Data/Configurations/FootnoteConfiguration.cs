using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class FootnoteConfiguration : IEntityTypeConfiguration<Footnote>
{
    public void Configure(EntityTypeBuilder<Footnote> builder)
    {
        builder.Property(f => f.Text).HasMaxLength(Limits.Note);
        builder.HasIndex(f => new { f.ConcernId, f.Position });
        builder.HasIndex(f => new { f.BriefingId, f.Position });
        builder.HasMany(f => f.Citations).WithOne(c => c.Footnote).HasForeignKey(c => c.FootnoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Citations).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A footnote belongs to exactly one owner.
        builder.ToTable(t => t.HasCheckConstraint("ck_footnotes_one_owner", "(concern_id IS NULL) <> (briefing_id IS NULL)"));
        builder.HasXminConcurrency();
    }
}
