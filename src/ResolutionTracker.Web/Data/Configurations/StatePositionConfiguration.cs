using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class StatePositionConfiguration : IEntityTypeConfiguration<StatePosition>
{
    public void Configure(EntityTypeBuilder<StatePosition> builder)
    {
        builder.Property(p => p.Ask).HasMaxLength(Limits.Summary);
        builder.Property(p => p.Notes).HasMaxLength(Limits.Note);
        builder.HasOne(p => p.Resolution).WithMany().HasForeignKey(p => p.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ResolutionId, p.OrganisationId }).IsUnique();
        builder.HasIndex(p => p.OrganisationId);
        builder.HasMany(p => p.Contacts).WithOne(c => c.StatePosition).HasForeignKey(c => c.StatePositionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasXminConcurrency();
    }
}
