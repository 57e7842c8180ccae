using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "root_id",
                table: "audit_entries",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "root_type",
                table: "audit_entries",
                type: "character varying(80)",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_root_type_root_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "root_type", "root_id", "occurred_at" });

            // The audit trail is append-only: the database refuses to change or delete a row, whoever asks.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER audit_entries_append_only
                    BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_append_only ON audit_entries;
                DROP FUNCTION audit_entries_refuse_change();
                """);

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_root_type_root_id_occurred_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "root_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "root_type",
                table: "audit_entries");
        }
    }
}
