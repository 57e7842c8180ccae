using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ResolutionTracker.Domain;
using ResolutionTracker.Web.Data;

namespace ResolutionTracker.Web.Search;

// The search SQL: one statement counts every group, one statement a group reads a page of hits. Input
// reaches PostgreSQL only as parameters, and only through websearch_to_tsquery, which accepts any text
// (quotes, OR, a leading minus; stray operators are ignored), never to_tsquery.
// Anonymous readers see published content only: briefings as their latest published snapshot (so the
// concerns inside them, as published), resolutions, the latest version's paragraphs, organisations.
public static class SiteSearch
{
    public sealed record Filter(UnBody? Body, int? Session)
    {
        public bool Any => Body is not null || Session is not null;
    }

    public sealed record QueryShape(int Nodes, string Tree)
    {
        // websearch_to_tsquery dropped every word: only stop words ("the and of") or punctuation.
        public bool IsEmpty => Nodes == 0;

        // Only excluded words ("-sovereignty"): it would match nearly everything.
        public bool OnlyExcludes => Nodes > 0 && Tree == "T";
    }

    public sealed class Hit
    {
        public int Id { get; set; }
        public string Title { get; set; } = "";
        public string? Symbol { get; set; }
        public string? Slug { get; set; }
        public string? Label { get; set; }
        public string? Detail { get; set; }
        public string? Body { get; set; }
        public int? Session { get; set; }
        public int? Number { get; set; }
        public DateTimeOffset? Published { get; set; }
        public float Rank { get; set; }
        public string? Heading { get; set; }
        public string? Snippet { get; set; }
    }

    private sealed class Count
    {
        public string Kind { get; set; } = "";
        public long Total { get; set; }
    }

    private sealed class Shape
    {
        public int Nodes { get; set; }
        public string Tree { get; set; } = "";
    }

    // Which part of the text around the matches to show, and what marks a match (see FullText.Start).
    private const string Fragments = "E'StartSel=\\x01, StopSel=\\x02, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=\" … \"'";
    private const string Whole = "E'StartSel=\\x01, StopSel=\\x02, HighlightAll=true'";

    // Markdown links keep their words, emphasis and heading marks go; "<" is protected (see FullText).
    private static string Plain(string sql) =>
        $"replace(regexp_replace(regexp_replace({sql}, '\\[([^\\]]*)\\]\\([^)]*\\)', '\\1', 'g'), '[*_#`]+', '', 'g'), '<', E'\\x03')";

    private static string Protect(string sql) => $"replace({sql}, '<', E'\\x03')";

    // Vector: the table's search_vector; Order: the tie-break after rank; Columns: the hit without its
    // headlines; HeadingDocument and SnippetDocument: SQL over the page's rows (m) that ts_headline reads.
    private sealed record Source(
        SearchKind Kind,
        string From,
        string Vector,
        string Where,
        string Order,
        string Columns,
        string HeadingDocument,
        string SnippetDocument);

    private const string ResolutionFilter = "(@body IS NULL OR r.body = @body) AND (@session IS NULL OR se.number = @session)";

    private static readonly Source[] Sources =
    [
        new(SearchKind.Briefings,
            """
            briefing_snapshots s
            JOIN briefings b ON b.id = s.briefing_id
            JOIN resolutions r ON r.id = b.resolution_id
            JOIN sessions se ON se.id = r.session_id
            """,
            "s.search_vector",
            $"""
            b.status = 'Published' AND {ResolutionFilter}
            AND NOT EXISTS (SELECT 1 FROM briefing_snapshots later WHERE later.briefing_id = s.briefing_id AND later.number > s.number)
            """,
            "s.briefing_id",
            """
            s.briefing_id AS id, s.content->>'title' AS title, r.symbol, s.content->>'slug' AS slug,
            s.content->>'stance' AS label, NULL::text AS detail, r.body, se.number AS session, s.number,
            s.published_at AS published
            """,
            Protect("m.title"),
            Plain("""
                (SELECT concat_ws(' … ', d.content->>'position', d.content->>'introduction',
                    (SELECT string_agg(concat_ws('. ', c->>'heading', c->>'summary', c->>'body'), ' … ') FROM jsonb_array_elements(d.content->'concerns') c),
                    (SELECT string_agg(x->>'text', ' … ') FROM jsonb_array_elements(d.content->'recommendations') x))
                 FROM briefing_snapshots d WHERE d.briefing_id = m.id AND d.number = m.number)
                """)),
        new(SearchKind.Resolutions,
            """
            resolutions r
            JOIN sessions se ON se.id = r.session_id
            """,
            "r.search_vector",
            ResolutionFilter,
            "r.symbol",
            """
            r.id, r.title, r.symbol, r.slug, r.status AS label, NULL::text AS detail, r.body, se.number AS session,
            NULL::int AS number, NULL::timestamptz AS published
            """,
            Protect("m.title"),
            "NULL::text"),
        new(SearchKind.Paragraphs,
            """
            paragraphs p
            JOIN versions v ON v.id = p.version_id
            JOIN resolutions r ON r.id = v.resolution_id
            JOIN sessions se ON se.id = r.session_id
            """,
            "p.search_vector",
            // The public page shows the latest version's text; earlier versions' copies would repeat it.
            $"""
            {ResolutionFilter}
            AND NOT EXISTS (SELECT 1 FROM versions later WHERE later.resolution_id = v.resolution_id AND later.sequence > v.sequence)
            """,
            "r.symbol, p.position",
            """
            p.id, p.kind AS title, r.symbol, r.slug, v.label AS label, NULL::text AS detail, r.body, se.number AS session,
            p.number, NULL::timestamptz AS published
            """,
            "NULL::text",
            Protect("(SELECT d.text FROM paragraphs d WHERE d.id = m.id)")),
        new(SearchKind.Concerns,
            """
            concerns c
            JOIN resolutions r ON r.id = c.resolution_id
            JOIN sessions se ON se.id = r.session_id
            """,
            "c.search_vector",
            ResolutionFilter,
            "c.id",
            """
            c.id, c.heading AS title, r.symbol, r.slug, c.state AS label, c.severity AS detail, r.body, se.number AS session,
            c.revision_number AS number, c.updated_at AS published
            """,
            Protect("m.title"),
            Plain("(SELECT concat_ws(' … ', d.summary, d.body) FROM concerns d WHERE d.id = m.id)")),
        new(SearchKind.Organisations,
            "organisations o",
            "o.search_vector",
            // Organisations belong to no body or session: a search filtered by one leaves them out.
            "@body IS NULL AND @session IS NULL",
            "o.name",
            """
            o.id, o.name AS title, NULL::text AS symbol, o.slug, o.kind AS label, o.short_name AS detail, NULL::text AS body,
            NULL::int AS session, NULL::int AS number, NULL::timestamptz AS published
            """,
            Protect("concat_ws(' · ', m.title, m.detail)"),
            "NULL::text"),
    ];

    private static string Head(string text) => $"WITH q AS (SELECT websearch_to_tsquery('{FullText.Config}', @q) AS query)\n{text}";

    public static async Task<QueryShape> ShapeAsync(AppDbContext db, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shape = await db.Database
            .SqlQueryRaw<Shape>(Head("SELECT numnode(q.query) AS nodes, querytree(q.query) AS tree FROM q"), Parameters(text, new Filter(null, null)))
            .SingleAsync(cancellationToken);
        return new QueryShape(shape.Nodes, shape.Tree);
    }

    public static async Task<IReadOnlyDictionary<SearchKind, int>> CountAsync(
        AppDbContext db, string text, Filter filter, IReadOnlyCollection<SearchKind> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count == 0)
            return new Dictionary<SearchKind, int>();
        var sql = Head(string.Join("\nUNION ALL\n", Sources
            .Where(s => kinds.Contains(s.Kind))
            .Select(s => $"SELECT '{s.Kind}' AS kind, count(*) AS total FROM {s.From} CROSS JOIN q WHERE {s.Vector} @@ q.query AND {s.Where}")));
        var counts = await db.Database.SqlQueryRaw<Count>(sql, Parameters(text, filter)).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => Enum.Parse<SearchKind>(c.Kind), c => (int)c.Total);
    }

    // Best first (ts_rank_cd with the columns' weights), ties in a stable order; headlines only for the
    // rows shown, since ts_headline reads the whole text.
    public static async Task<IReadOnlyList<Hit>> FindAsync(
        AppDbContext db, SearchKind kind, string text, Filter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = Sources.Single(s => s.Kind == kind);
        var rank = $"ts_rank_cd({source.Vector}, q.query)";
        var sql = Head($"""
            SELECT m.id, m.title, m.symbol, m.slug, m.label, m.detail, m.body, m.session, m.number, m.published, m.rank,
                ts_headline('{FullText.Config}', {source.HeadingDocument}, q.query, {Whole}) AS heading,
                ts_headline('{FullText.Config}', {source.SnippetDocument}, q.query, {Fragments}) AS snippet
            FROM (
                SELECT {source.Columns}, {rank} AS rank, row_number() OVER (ORDER BY {rank} DESC, {source.Order}) AS place
                FROM {source.From} CROSS JOIN q
                WHERE {source.Vector} @@ q.query AND {source.Where}
                ORDER BY place
                LIMIT @take OFFSET @skip
            ) m CROSS JOIN q
            ORDER BY m.place
            """);
        var parameters = Parameters(text, filter).Concat(
        [
            new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = take },
            new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = skip },
        ]).ToArray();
        return await db.Database.SqlQueryRaw<Hit>(sql, parameters).ToListAsync(cancellationToken);
    }

    private static object[] Parameters(string text, Filter filter) =>
    [
        new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = text },
        new NpgsqlParameter("body", NpgsqlDbType.Text) { Value = (object?)filter.Body?.ToString() ?? DBNull.Value },
        new NpgsqlParameter("session", NpgsqlDbType.Integer) { Value = (object?)filter.Session ?? DBNull.Value },
    ];
}
