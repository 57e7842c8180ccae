using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain.Votes;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class VoteRowConfiguration : IEntityTypeConfiguration<VoteRow>
{
    public void Configure(EntityTypeBuilder<VoteRow> builder)
    {
        // One row per state and vote.
        builder.HasKey(r => new { r.VoteId, r.OrganisationId });
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OrganisationId);
    }
}
