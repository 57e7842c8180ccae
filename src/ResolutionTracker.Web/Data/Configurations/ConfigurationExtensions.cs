using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionTracker.Domain;

namespace ResolutionTracker.Web.Data.Configurations;

internal static class ConfigurationExtensions
{
    // Npgsql maps a uint row version onto PostgreSQL's xmin system column: no extra column, bumped on every update.
    public static void HasXminConcurrency<T>(this EntityTypeBuilder<T> builder) where T : EditableEntity =>
        builder.Property(e => e.RowVersion).IsRowVersion();
}
