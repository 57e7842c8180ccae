using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(Limits.UserId);
        builder.Property(c => c.Note).HasMaxLength(Limits.Note);
        builder.HasIndex(c => c.StatePositionId);
        builder.HasIndex(c => c.AuthorId);
    }
}
