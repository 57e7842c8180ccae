using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(Limits.UserId);
        builder.Property(c => c.Heading).HasMaxLength(Limits.Heading);
        builder.Property(c => c.Summary).HasMaxLength(Limits.Summary);
        builder.Property(c => c.Body).HasMaxLength(Limits.Body);
        builder.Ignore(c => c.IsEditable);
        builder.Ignore(c => c.TextChanged);
        builder.HasOne(c => c.Resolution).WithMany().HasForeignKey(c => c.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ResolutionId);
        builder.HasIndex(c => c.AuthorId);
        builder.HasIndex(c => new { c.State, c.UpdatedAt });
        builder.HasMany(c => c.Paragraphs).WithOne(p => p.Concern).HasForeignKey(p => p.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Footnotes).WithOne(f => f.Concern).HasForeignKey(f => f.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Revisions).WithOne(r => r.Concern).HasForeignKey(r => r.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Comments).WithOne(r => r.Concern).HasForeignKey(r => r.ConcernId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Paragraphs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Footnotes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ToTable(t => t.HasCheckConstraint("ck_concerns_revision_positive", "revision_number > 0"));
        builder.HasXminConcurrency();
        // The table also has search_vector, a generated tsvector with a GIN index, left out of the model on purpose: see Search/FullText.cs.
    }
}
