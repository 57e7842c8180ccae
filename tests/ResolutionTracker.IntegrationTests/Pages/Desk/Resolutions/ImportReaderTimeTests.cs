using System.Text;
using Microsoft.AspNetCore.Http;
using ResolutionTracker.Text.AkomaNtoso;
using ResolutionTracker.Web.Pages.Desk.Resolutions;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Resolutions;

// The time an upload may take to read, and what happens when the request is given up: no database needed.
public sealed class ImportReaderTimeTests
{
    // Well within every limit, and long enough to read that a deadline of a millisecond passes on the way.
    private static FormFile SlowFile()
    {
        var blocks = string.Concat(Enumerable.Repeat("<p>and more</p>", 150_000));
        var bytes = Encoding.UTF8.GetBytes($"<akomaNtoso xmlns=\"{AknReader.Namespace}\"><statement name=\"resolution\"><mainBody>" +
                                           $"<paragraph><num>1.</num><content><p>Decides</p></content></paragraph>{blocks}</mainBody></statement></akomaNtoso>");
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "Read.File", "slow.xml");
    }

    [Fact]
    public async Task A_file_that_takes_longer_than_the_read_time_is_refused_with_a_message()
    {
        var outcome = await ImportReader.FromFileAsync(SlowFile(), TimeSpan.Zero, CancellationToken.None);

        outcome.Parsed.Should().BeNull();
        outcome.Error.Should().Contain("Reading \"slow.xml\" took longer than");
    }

    [Fact]
    public async Task The_same_file_is_read_within_the_usual_read_time()
    {
        var outcome = await ImportReader.FromFileAsync(SlowFile(), CancellationToken.None);

        outcome.Error.Should().BeNull();
        outcome.Parsed!.Operative.Should().ContainSingle();
    }

    // A megabyte of numbered blocks past 999 took minutes to read before the parser was made linear.
    private static readonly string Blocks = HostileFiles.NumberedBlocks(1_000_000);

    private static FormFile TextFile(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "Read.File", "blocks.txt");
    }

    [Fact]
    public void A_paste_that_takes_longer_than_the_read_time_is_refused_with_a_message()
    {
        var outcome = ImportReader.FromPaste(Blocks, TimeSpan.Zero, CancellationToken.None);

        outcome.Parsed.Should().BeNull();
        outcome.Error.Should().Contain("Reading the pasted text took longer than").And.Contain("Paste only the resolution's text");
    }

    [Fact]
    public async Task A_txt_file_that_takes_longer_than_the_read_time_is_refused_with_a_message()
    {
        var outcome = await ImportReader.FromFileAsync(TextFile(Blocks), TimeSpan.Zero, CancellationToken.None);

        outcome.Parsed.Should().BeNull();
        outcome.Error.Should().Contain("Reading \"blocks.txt\" took longer than");
    }

    [Fact]
    public async Task The_same_paste_and_txt_file_are_read_within_the_usual_read_time()
    {
        var pasted = ImportReader.FromPaste(Blocks, CancellationToken.None);
        var uploaded = await ImportReader.FromFileAsync(TextFile(Blocks), CancellationToken.None);

        pasted.Error.Should().BeNull();
        pasted.Parsed!.Operative.Should().HaveCount(999);
        uploaded.Error.Should().BeNull();
        uploaded.Parsed.Should().BeEquivalentTo(pasted.Parsed);
    }

    [Fact]
    public void A_request_given_up_stops_the_reading_of_a_paste_without_a_message()
    {
        using var givenUp = new CancellationTokenSource();
        givenUp.Cancel();

        var read = () => ImportReader.FromPaste(Blocks, givenUp.Token);

        read.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public async Task A_request_given_up_stops_the_reading_without_a_message()
    {
        using var givenUp = new CancellationTokenSource();
        await givenUp.CancelAsync();

        var read = () => ImportReader.FromFileAsync(SlowFile(), givenUp.Token);

        await read.Should().ThrowAsync<OperationCanceledException>();
    }
}
