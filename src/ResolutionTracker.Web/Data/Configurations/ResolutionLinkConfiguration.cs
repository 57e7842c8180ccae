using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ResolutionLinkConfiguration : IEntityTypeConfiguration<ResolutionLink>
{
    public void Configure(EntityTypeBuilder<ResolutionLink> builder)
    {
        builder.HasKey(l => new { l.ResolutionId, l.PredecessorId });
        builder.HasOne(l => l.Predecessor).WithMany().HasForeignKey(l => l.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.PredecessorId);
        builder.ToTable(t => t.HasCheckConstraint("ck_resolution_links_not_self", "resolution_id <> predecessor_id"));
    }
}
