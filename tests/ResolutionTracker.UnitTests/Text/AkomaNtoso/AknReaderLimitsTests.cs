using System.Text;
using ResolutionTracker.Text.AkomaNtoso;

namespace ResolutionTracker.UnitTests.Text.AkomaNtoso;

// What the reader refuses before it builds anything from a file, and that it stops when asked to.
public class AknReaderLimitsTests
{
    // akomaNtoso, statement and mainBody hold the nested paragraphs.
    private static string Nested(int paragraphs) =>
        $"<akomaNtoso xmlns=\"{AknReader.Namespace}\"><statement name=\"resolution\"><mainBody>" +
        string.Concat(Enumerable.Repeat("<p>", paragraphs)) + "Decides to remain seized of the matter." +
        string.Concat(Enumerable.Repeat("</p>", paragraphs)) + "</mainBody></statement></akomaNtoso>";

    private static string Wide(int paragraphs) =>
        $"<akomaNtoso xmlns=\"{AknReader.Namespace}\"><statement name=\"resolution\"><mainBody>" +
        string.Concat(Enumerable.Repeat("<p/>", paragraphs)) + "</mainBody></statement></akomaNtoso>";

    private static MemoryStream Bytes(string xml) => new(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void A_file_nested_as_deep_as_the_limit_is_read()
    {
        var parsed = AknReader.Read(Bytes(Nested(AknReader.MaxDepth - 3)));

        parsed.Operative.Should().ContainSingle().Which.Text.Should().Be("Decides to remain seized of the matter.");
    }

    [Fact]
    public void A_file_nested_one_level_deeper_than_the_limit_is_refused_with_a_message()
    {
        var read = () => AknReader.Read(Bytes(Nested(AknReader.MaxDepth - 2)));

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain("nested more than 100 levels deep");
    }

    [Fact]
    public void Two_hundred_thousand_nested_elements_are_refused_at_the_depth_limit_while_reading()
    {
        var xml = Bytes(Nested(200_000));

        var read = () => AknReader.Read(xml);

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain("nested more than 100 levels deep");
    }

    [Fact]
    public void A_file_with_as_many_elements_as_the_limit_is_read()
    {
        // The root, the statement and the main body are three of them.
        var read = () => AknReader.Read(Bytes(Wide(AknReader.MaxElements - 3)));

        read.Should().NotThrow();
    }

    [Fact]
    public void A_file_with_more_elements_than_the_limit_is_refused_with_a_message()
    {
        var read = () => AknReader.Read(Bytes(Wide(AknReader.MaxElements - 2)));

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain("more than 200,000 elements");
    }

    [Fact]
    public void Thousands_of_unnumbered_blocks_after_a_paragraph_are_read_with_a_bounded_list_of_warnings()
    {
        var blocks = string.Concat(Enumerable.Repeat("<p>and more</p>", 50_000));
        var xml = Bytes($"<akomaNtoso xmlns=\"{AknReader.Namespace}\"><statement name=\"resolution\"><mainBody>" +
                        $"<paragraph><num>1.</num><content><p>Decides</p></content></paragraph>{blocks}</mainBody></statement></akomaNtoso>");

        var parsed = AknReader.Read(xml);

        parsed.Operative.Should().ContainSingle().Which.Text.Should().HaveLength("Decides".Length + (50_000 * " and more".Length));
        parsed.Warnings.Should().HaveCount(100).And.Subject.Last().Should().Contain("more warnings are not shown");
    }

    [Fact]
    public void Reading_does_not_start_with_a_cancelled_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var read = () => AknReader.Read(Bytes(Nested(10)), cancelled.Token);

        read.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Reading_stops_when_the_token_is_cancelled_part_way_through_the_file()
    {
        using var cancellation = new CancellationTokenSource();
        using var file = new CancellingStream(Encoding.UTF8.GetBytes(Wide(150_000)), cancelAfter: 100_000, cancellation);

        var read = () => AknReader.Read(file, cancellation.Token);

        read.Should().Throw<OperationCanceledException>();
        file.Position.Should().BeLessThan(file.Length, "the rest of the file is not read");
    }

    // Cancels its token once a given number of bytes has been read from it, as a client that gives up would.
    private sealed class CancellingStream(byte[] bytes, int cancelAfter, CancellationTokenSource cancellation) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, Math.Min(count, 4096));
            if (Position >= cancelAfter)
                cancellation.Cancel();
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
            if (Position >= cancelAfter)
                cancellation.Cancel();
            return read;
        }
    }
}
