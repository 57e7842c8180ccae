using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoalitionSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "coalition_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    self_approval_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coalition_settings", x => x.id);
                    table.CheckConstraint("ck_coalition_settings_one_row", "id = 1");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coalition_settings");
        }
    }
}
