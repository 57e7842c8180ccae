using System.Text.Json;
using ResolutionTracker.UnitTests.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.Cli;

public sealed class ProgramTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rt-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // Qualified: the web app, which this project references too, has a Program in the global namespace.
        var code = ResolutionTracker.Cli.Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Parse_prints_the_structure_as_json_in_the_agreed_shape()
    {
        var (code, output, error) = Run("parse", UnTextFixtures.PathOf("hrc_adopted_A_HRC_RES_98_12.txt"));

        code.Should().Be(0);
        error.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "symbol", "title", "body", "session", "sponsors", "preambular", "operative", "footnotes", "warnings");
        root.GetProperty("symbol").GetString().Should().Be("A/HRC/RES/98/12");
        root.GetProperty("session").GetInt32().Should().Be(98);
        root.GetProperty("preambular").GetArrayLength().Should().Be(4);
        var second = root.GetProperty("operative")[1];
        second.GetProperty("number").GetInt32().Should().Be(2);
        second.GetProperty("text").GetString().Should().Be("Invites States to consider:");
        second.GetProperty("subItems").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "(a) Equipment standards for beaches, including:", "(i) Rescue boards and buoys;", "(ii) First-aid kits;", "(b) Insurance schemes for volunteers;");
        root.GetProperty("footnotes")[0].GetProperty("marker").GetString().Should().Be("1");
    }

    [Fact]
    public void Parse_keeps_non_ascii_text_readable()
    {
        var (_, output, _) = Run("parse", UnTextFixtures.PathOf("ga_adopted_A_RES_99_30.txt"));

        output.Should().Contain("“Rights of the child”");
    }

    [Fact]
    public void Symbols_prints_each_symbol_once_in_order_of_appearance()
    {
        var (code, output, _) = Run("symbols", UnTextFixtures.PathOf("ga_draft_A_99_L_12.txt"));

        code.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("A/99/L.12", "A/97/PV.40", "A/HRC/98/33", "A/99/301");
    }

    [Fact]
    public void Symbols_with_all_prints_every_occurrence()
    {
        var (_, output, _) = Run("symbols", "--all", UnTextFixtures.PathOf("ga_draft_A_99_L_12.txt"));

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(s => s == "A/99/L.12").Should().Be(3);
    }

    [Fact]
    public void A_missing_file_exits_2_with_a_message()
    {
        var (code, output, error) = Run("parse", Path.Combine(folder, "missing.txt"));

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("rt: cannot read");
    }

    [Fact]
    public void A_binary_file_renamed_txt_exits_2()
    {
        var path = Path.Combine(folder, "image.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);

        var (code, _, error) = Run("parse", path);

        code.Should().Be(2);
        error.Should().Contain("NUL bytes");
    }

    [Fact]
    public void A_file_that_is_not_UTF8_exits_2()
    {
        var path = Path.Combine(folder, "latin1.txt");
        File.WriteAllBytes(path, [0x52, 0xE9, 0x73, 0x6F, 0x6C, 0x75, 0x74, 0x69, 0x6F, 0x6E]);

        var (code, _, error) = Run("symbols", path);

        code.Should().Be(2);
        error.Should().Contain("not UTF-8");
    }

    [Fact]
    public void An_xml_file_that_is_not_Akoma_Ntoso_exits_2()
    {
        var path = Path.Combine(folder, "other.xml");
        File.WriteAllText(path, "<html/>");

        var (code, _, error) = Run("parse", path);

        code.Should().Be(2);
        error.Should().StartWith("rt: cannot read");
    }

    [Fact]
    public void An_empty_file_parses_to_a_no_text_warning()
    {
        var path = Path.Combine(folder, "empty.txt");
        File.WriteAllText(path, "");

        var (code, output, _) = Run("parse", path);

        code.Should().Be(0);
        output.Should().Contain("\"no text\"");
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate", "x.txt")]
    [InlineData("parse")]
    [InlineData("parse", "--all", "x.txt")]
    public void Wrong_usage_exits_1_with_the_usage(params string[] args)
    {
        var (code, _, error) = Run(args);

        code.Should().Be(1);
        error.Should().Contain("Usage: rt parse FILE");
    }
}
