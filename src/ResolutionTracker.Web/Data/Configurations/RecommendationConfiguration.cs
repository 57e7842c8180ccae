using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Briefings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Limits.Summary);
        builder.Property(r => r.TargetGroup).HasMaxLength(Limits.Title);
        builder.HasIndex(r => new { r.BriefingId, r.Position });
        builder.HasXminConcurrency();
    }
}
