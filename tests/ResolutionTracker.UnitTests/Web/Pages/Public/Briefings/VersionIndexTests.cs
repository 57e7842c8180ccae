using ResolutionTracker.Web.Pages.Public.Briefings;

namespace ResolutionTracker.UnitTests.Web.Pages.Public.Briefings;

// The published versions of a briefing as the version index keeps them in the cache store.
public sealed class VersionIndexTests
{
    private static readonly VersionIndex.Line[] Lines =
    [
        new(41, 1, new DateTimeOffset(2020, 6, 15, 9, 0, 0, TimeSpan.Zero), "5fb10befdb240440515373b7aa6f0c11"),
        new(97, 2, new DateTimeOffset(2020, 6, 18, 16, 30, 12, 345, TimeSpan.Zero).AddTicks(6), "0d3c3b5cbe1fd1c1a2f2cc5b13c4ab20"),
    ];

    [Fact]
    public void A_list_comes_back_as_it_was_kept() =>
        VersionIndex.Decode(VersionIndex.Encode(Lines)).Should().Equal(Lines);

    [Fact]
    public void A_date_comes_back_in_UTC_to_the_tick()
    {
        var local = new VersionIndex.Line(3, 1, new DateTimeOffset(2020, 6, 15, 11, 0, 0, TimeSpan.FromHours(2)).AddTicks(7), "ab");

        var back = VersionIndex.Decode(VersionIndex.Encode([local]))!.Single();

        back.PublishedAt.Should().Be(local.PublishedAt);
        back.PublishedAt.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Bytes_this_build_did_not_write_are_ignored_so_the_page_reads_the_database()
    {
        var kept = VersionIndex.Encode(Lines);
        var otherFormat = (byte[])kept.Clone();
        otherFormat[0] = 2;
        var trailing = kept.Concat(new byte[] { 0 }).ToArray();
        var absurdCount = (byte[])kept.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(absurdCount, 1);

        VersionIndex.Decode([]).Should().BeNull();
        VersionIndex.Decode(kept[..^3]).Should().BeNull();
        VersionIndex.Decode(otherFormat).Should().BeNull();
        VersionIndex.Decode(trailing).Should().BeNull();
        VersionIndex.Decode(absurdCount).Should().BeNull();
        VersionIndex.Decode([1, 0, 0, 0, 0]).Should().BeNull("an empty list is never kept");
    }
}
