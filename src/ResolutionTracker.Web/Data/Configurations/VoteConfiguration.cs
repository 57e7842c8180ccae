using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(v => v.Meeting).HasMaxLength(Limits.Meeting);
        builder.Property(v => v.Notes).HasMaxLength(Limits.Note);
        // Totals are counted from the rows, never stored.
        builder.Ignore(v => v.Yes);
        builder.Ignore(v => v.No);
        builder.Ignore(v => v.Abstentions);
        builder.Ignore(v => v.NonVoting);
        builder.Ignore(v => v.Adopted);
        builder.Ignore(v => v.Tally);
        builder.HasOne(v => v.Version).WithMany().HasForeignKey(v => v.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.VersionId);
        builder.HasMany(v => v.Rows).WithOne(r => r.Vote).HasForeignKey(r => r.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Rows).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
