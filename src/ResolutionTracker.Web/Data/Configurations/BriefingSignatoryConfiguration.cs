using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class BriefingSignatoryConfiguration : IEntityTypeConfiguration<BriefingSignatory>
{
    public void Configure(EntityTypeBuilder<BriefingSignatory> builder)
    {
        builder.HasKey(s => new { s.BriefingId, s.OrganisationId });
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.OrganisationId);
        builder.HasIndex(s => new { s.BriefingId, s.Position });
    }
}
