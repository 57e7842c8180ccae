using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Notes).HasMaxLength(Limits.Note);
        builder.HasIndex(s => new { s.Body, s.Number }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_sessions_number_positive", "number > 0"));
        builder.HasXminConcurrency();
    }
}
