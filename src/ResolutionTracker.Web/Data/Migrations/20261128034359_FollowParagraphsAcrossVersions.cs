using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowParagraphsAcrossVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "text_when_linked",
                table: "concern_paragraphs",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "text_when_written",
                table: "annotations",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            // Existing links and notes were written against the text they point at today.
            migrationBuilder.Sql("""
                UPDATE concern_paragraphs cp SET text_when_linked = p.text FROM paragraphs p WHERE p.id = cp.paragraph_id;
                UPDATE annotations a SET text_when_written = p.text FROM paragraphs p WHERE p.id = a.paragraph_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "text_when_linked",
                table: "concern_paragraphs");

            migrationBuilder.DropColumn(
                name: "text_when_written",
                table: "annotations");
        }
    }
}
