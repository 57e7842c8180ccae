using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResolutionTracker.Web.Data.Migrations
{
    // Full text search (/search): a generated tsvector column with a GIN index on each searchable table.
    // The columns stay out of the EF model on purpose (see Search/FullText.cs), so this migration writes
    // them in SQL and the model snapshot does not change. Weights: A the name or title, B headings and the
    // position, C summaries and introductions, D long bodies; ts_rank_cd ranks with them.
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        private static readonly (string Table, string Expression)[] Vectors =
        [
            // The symbol whole and in parts, so "L.31" or "HRC" find A/HRC/43/L.31.
            ("resolutions",
                "setweight(to_tsvector('english', coalesce(symbol, '')), 'A') || " +
                "setweight(to_tsvector('simple', replace(coalesce(symbol, ''), '/', ' ')), 'A') || " +
                "setweight(to_tsvector('english', coalesce(title, '')), 'B')"),
            ("paragraphs",
                "to_tsvector('english', coalesce(text, ''))"),
            ("concerns",
                "setweight(to_tsvector('english', coalesce(heading, '')), 'A') || " +
                "setweight(to_tsvector('english', coalesce(summary, '')), 'B') || " +
                "setweight(to_tsvector('english', coalesce(body, '')), 'C')"),
            ("organisations",
                "setweight(to_tsvector('english', coalesce(name, '')), 'A') || " +
                "setweight(to_tsvector('english', coalesce(short_name, '')), 'A')"),
            // The published document's words only (not slugs, anchors or URLs), from its camelCase jsonb.
            ("briefing_snapshots",
                "setweight(to_tsvector('english', coalesce(content->>'title', '')), 'A') || " +
                "setweight(to_tsvector('simple', replace(coalesce(content->'resolution'->>'symbol', ''), '/', ' ')), 'B') || " +
                "setweight(to_tsvector('english', coalesce(content->>'position', '')), 'B') || " +
                "setweight(jsonb_to_tsvector('english', jsonb_path_query_array(content, '$.concerns[*].heading'), '[\"string\"]'), 'B') || " +
                "setweight(to_tsvector('english', coalesce(content->>'introduction', '')), 'C') || " +
                "setweight(jsonb_to_tsvector('english', jsonb_path_query_array(content, '$.concerns[*].summary'), '[\"string\"]'), 'C') || " +
                "setweight(jsonb_to_tsvector('english', jsonb_path_query_array(content, '$.concerns[*].body'), '[\"string\"]'), 'D') || " +
                "setweight(jsonb_to_tsvector('english', jsonb_path_query_array(content, '$.recommendations[*].text'), '[\"string\"]'), 'D')"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, expression) in Vectors)
            {
                migrationBuilder.Sql($"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED;");
                migrationBuilder.Sql($"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Vectors)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS ix_{table}_search_vector;");
                migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector;");
            }
        }
    }
}
