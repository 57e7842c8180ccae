using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain.Settings;

namespace ResolutionTracker.Web.Data.Configurations;

internal sealed class CoalitionSettingsConfiguration : IEntityTypeConfiguration<CoalitionSettings>
{
    public void Configure(EntityTypeBuilder<CoalitionSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        // One record for the whole coalition: a second row could never be read, so the table refuses it.
        builder.ToTable(t => t.HasCheckConstraint("ck_coalition_settings_one_row", $"id = {CoalitionSettings.TheId}"));
        builder.HasXminConcurrency();
    }
}
