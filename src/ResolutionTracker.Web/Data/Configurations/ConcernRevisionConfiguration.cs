using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ConcernRevisionConfiguration : IEntityTypeConfiguration<ConcernRevision>
{
    public void Configure(EntityTypeBuilder<ConcernRevision> builder)
    {
        builder.Property(r => r.Heading).HasMaxLength(Limits.Heading);
        builder.Property(r => r.Summary).HasMaxLength(Limits.Summary);
        builder.Property(r => r.Body).HasMaxLength(Limits.Body);
        builder.Property(r => r.SubmittedBy).HasMaxLength(Limits.UserId);
        builder.Property(r => r.ApprovedBy).HasMaxLength(Limits.UserId);
        builder.HasIndex(r => new { r.ConcernId, r.Number });
    }
}
