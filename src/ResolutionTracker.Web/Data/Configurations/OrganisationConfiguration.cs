using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Limits.Name);
        builder.Property(o => o.Slug).HasMaxLength(Limits.Slug);
        builder.Property(o => o.ShortName).HasMaxLength(Limits.ShortName);
        builder.Property(o => o.Website).HasMaxLength(Limits.Url);
        builder.Ignore(o => o.DisplayName);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => new { o.Kind, o.RegionalGroup });
        builder.HasXminConcurrency();
        // The table also has search_vector, a generated tsvector with a GIN index, left out of the model on purpose: see Search/FullText.cs.
    }
}
