using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class BriefingConcernConfiguration : IEntityTypeConfiguration<BriefingConcern>
{
    public void Configure(EntityTypeBuilder<BriefingConcern> builder)
    {
        builder.HasKey(bc => new { bc.BriefingId, bc.ConcernId });
        builder.HasOne(bc => bc.Concern).WithMany().HasForeignKey(bc => bc.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(bc => bc.ConcernId);
        builder.HasIndex(bc => new { bc.BriefingId, bc.Position });
    }
}
