using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Concerns;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(Limits.UserId);
        builder.Property(c => c.Body).HasMaxLength(Limits.Note);
        builder.HasIndex(c => c.ConcernId);
        builder.HasIndex(c => c.AuthorId);
    }
}
