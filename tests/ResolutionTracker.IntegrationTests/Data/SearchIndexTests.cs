using Microsoft.EntityFrameworkCore;
using ResolutionTracker.IntegrationTests.Fixture;

namespace ResolutionTracker.IntegrationTests.Data;

public sealed class SearchIndexTests(AppFactory app) : AppTest(app)
{
    private sealed class IndexRow
    {
        public string Table { get; set; } = "";
        public string Definition { get; set; } = "";
    }

    [Fact]
    public async Task Every_searchable_table_has_a_gin_index_on_its_generated_search_vector()
    {
        var indexes = await App.QueryAsync(db => db.Database
            .SqlQueryRaw<IndexRow>("SELECT tablename AS \"Table\", indexdef AS \"Definition\" FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '%search_vector'")
            .ToListAsync());
        var generated = await App.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'search_vector' AND is_generated = 'ALWAYS' AND data_type = 'tsvector'")
            .ToListAsync());

        string[] tables = ["briefing_snapshots", "concerns", "organisations", "paragraphs", "resolutions"];
        indexes.Select(i => i.Table).Should().BeEquivalentTo(tables);
        indexes.Should().AllSatisfy(i => i.Definition.Should().Contain("USING gin (search_vector)"));
        generated.Should().BeEquivalentTo(tables);
    }
}
