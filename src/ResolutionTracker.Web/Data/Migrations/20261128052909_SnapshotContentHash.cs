using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SnapshotContentHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content_hash",
                table: "briefing_snapshots",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                computedColumnSql: "md5(content::text)",
                stored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "content_hash",
                table: "briefing_snapshots");
        }
    }
}
