using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.Parsing;

public class UnTextRoundTripTests
{
    public static TheoryData<string> EnglishFixtures() => new(UnTextFixtures.All.Where(f => !f.StartsWith("french", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(EnglishFixtures))]
    public void Parse_render_and_parse_again_gives_the_same_structure(string fixture)
    {
        var first = UnTextParser.Parse(UnTextFixtures.Read(fixture));

        var second = UnTextParser.Parse(UnTextRenderer.Render(first));

        // Footnote markers are not rendered back into the text, so the only new warnings are about them.
        second.Should().BeEquivalentTo(first, options => options.Excluding(r => r.Warnings).WithStrictOrdering());
        second.Warnings.Where(w => !w.StartsWith("the marker of footnote", StringComparison.Ordinal)).Should().Equal(first.Warnings);
    }

    [Fact]
    public void The_renderer_writes_the_UN_layout()
    {
        var parsed = UnTextParser.Parse(UnTextFixtures.Read("hrc_draft_A_HRC_99_L_7.txt"));

        var text = UnTextRenderer.Render(parsed);

        text.Should().StartWith("United Nations\nA/HRC/99/L.7\n\nGeneral Assembly\nDistr.: Limited\n2 April 2099\n");
        text.Should().Contain("Human Rights Council\nNinety-ninth session\nAgenda item 3\n");
        text.Should().Contain("Trinidad and Tobago and Uruguay:\ndraft resolution\n");
        text.Should().Contain("\nThe Human Rights Council,\n\n");
        text.Should().Contain("\n1.\nCalls upon States:\n\n(a)\nTo ensure");
        text.Split('\n').Should().OnlyContain(line => line.Length <= 80);
    }
}
