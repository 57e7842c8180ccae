using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;

namespace ResolutionTracker.IntegrationTests.Infrastructure;

// Every key stored under the public tag starts with the store's generation, which each eviction moves on.
public sealed class PublicCacheGenerationTests
{
    private sealed class RecordingStore : IOutputCacheStore
    {
        public List<string> EvictedTags { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            EvictedTags.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_prefix_holds_until_an_eviction_which_moves_it_on_before_evicting_the_tag()
    {
        var store = new RecordingStore();
        var first = PublicCache.KeyPrefixOf(store);
        PublicCache.KeyPrefixOf(store).Should().Be(first);

        await PublicCache.EvictAsync(store, CancellationToken.None);
        var second = PublicCache.KeyPrefixOf(store);
        await PublicCache.EvictAsync(store, CancellationToken.None);

        second.Should().NotBe(first);
        PublicCache.KeyPrefixOf(store).Should().NotBe(second).And.NotBe(first);
        store.EvictedTags.Should().Equal(PublicCache.Tag, PublicCache.Tag);
    }

    [Fact]
    public async Task Each_store_counts_its_own_evictions()
    {
        var evicted = new RecordingStore();
        var other = new RecordingStore();
        var before = PublicCache.KeyPrefixOf(other);

        await PublicCache.EvictAsync(evicted, CancellationToken.None);

        PublicCache.KeyPrefixOf(other).Should().Be(before);
        other.EvictedTags.Should().BeEmpty();
    }
}
