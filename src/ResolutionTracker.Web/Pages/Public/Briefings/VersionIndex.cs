using Microsoft.AspNetCore.OutputCaching;
using ResolutionTracker.Web.Infrastructure;

namespace ResolutionTracker.Web.Pages.Public.Briefings;

// The published versions of one briefing (id, number, date, content digest; never the documents), kept between
// requests in the public cache store under PublicCache.Tag. The list changes only when a version is published,
// and every save of a public record evicts that tag in every instance (AppDbContext, PublicCacheListener), so the
// entry goes with the cached pages. Kept even when pages are not output-cached (OutputCache:Enabled=false), and
// for signed-in readers, who never get a cached page: the page is still rendered for every request, from the
// index and the memoised document, without a round trip to the database.
// A briefing that does not exist is not remembered: unknown slugs must not fill the store.
internal static class VersionIndex
{
    private const string KeyPrefix = "briefing-versions:";
    private const byte Format = 1;

    public sealed record Line(int Id, int Number, DateTimeOffset PublishedAt, string ContentHash);

    // The key is taken before the database is read, and the list stored under it (see PublicCache.KeyPrefixOf):
    // a list read before an eviction never answers a request that came after it.
    public static string KeyFor(IOutputCacheStore store, string slug) => PublicCache.KeyPrefixOf(store) + KeyPrefix + slug;

    public static async ValueTask<IReadOnlyList<Line>?> FindAsync(IOutputCacheStore store, string key, CancellationToken ct) =>
        await store.GetAsync(key, ct) is { } bytes ? Decode(bytes) : null;

    public static ValueTask RememberAsync(IOutputCacheStore store, string key, IReadOnlyList<Line> lines, CancellationToken ct) =>
        lines.Count == 0 ? ValueTask.CompletedTask : store.SetAsync(key, Encode(lines), [PublicCache.Tag], PublicCache.Expiry, ct);

    internal static byte[] Encode(IReadOnlyList<Line> lines)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Format);
            writer.Write(lines.Count);
            foreach (var line in lines)
            {
                writer.Write(line.Id);
                writer.Write(line.Number);
                writer.Write(line.PublishedAt.UtcTicks);
                writer.Write(line.ContentHash);
            }
        }
        return buffer.ToArray();
    }

    // Null for anything this build did not write (an entry left by another format): the caller reads the database.
    internal static IReadOnlyList<Line>? Decode(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (reader.ReadByte() != Format)
                return null;
            var count = reader.ReadInt32();
            if (count <= 0 || count > bytes.Length)
                return null;
            var lines = new Line[count];
            for (var i = 0; i < count; i++)
                lines[i] = new Line(reader.ReadInt32(), reader.ReadInt32(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero), reader.ReadString());
            return reader.BaseStream.Position == bytes.Length ? lines : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentOutOfRangeException or IOException or FormatException)
        {
            return null;
        }
    }
}
