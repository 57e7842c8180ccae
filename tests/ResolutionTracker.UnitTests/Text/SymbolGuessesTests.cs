using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.UnitTests.Text;

public class SymbolGuessesTests
{
    [Theory]
    [InlineData("A/HRC/43/L.31", "A/HRC/43/L.31")]
    [InlineData("A/HRC/43/L.31/Rev.1", "A/HRC/43/L.31")]
    [InlineData("A/HRC/43/L.31/Rev.2/Corr.1", "A/HRC/43/L.31")]
    [InlineData("A/HRC/43/L.31/Corr.1", "A/HRC/43/L.31")]
    [InlineData("a/hrc/43/l.31/rev.1", "a/hrc/43/l.31")]
    [InlineData("A/C.3/77/L.5", "A/C.3/77/L.5")]
    [InlineData("A/C.3/77/L.5/Rev.1", "A/C.3/77/L.5")]
    [InlineData("A/HRC/RES/37/23", "A/HRC/RES/37/23")]
    [InlineData("E/CN.4/2005/L.10/Add.17", "E/CN.4/2005/L.10/Add.17")]
    public void A_revision_or_corrigendum_belongs_to_the_document_it_revises(string symbol, string root)
    {
        SymbolGuesses.RootSymbol(symbol).Should().Be(root);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a symbol")]
    [InlineData("/Rev.1")]
    [InlineData("Rev.1")]
    public void Text_that_is_not_a_revised_symbol_is_its_own_root(string text)
    {
        SymbolGuesses.RootSymbol(text).Should().Be(text);
    }

    [Fact]
    public void A_missing_symbol_has_no_root()
    {
        var act = () => SymbolGuesses.RootSymbol(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData("A/HRC/43/L.31", "L.31")]
    [InlineData("A/HRC/43/L.31/Rev.1", "L.31/Rev.1")]
    [InlineData("A/C.3/77/L.5", "L.5")]
    [InlineData("E/CN.4/2005/L.10/Add.17", "L.10/Add.17")]
    [InlineData("  A/HRC/43/L.31  ", "L.31")]
    [InlineData("A/HRC/RES/37/23", "Adopted text")]
    [InlineData("A/RES/60/251", "Adopted text")]
    [InlineData("S/RES/2334 (2016)", "Adopted text")]
    [InlineData("S/2020/123", "S/2020/123")]
    public void A_draft_is_labelled_from_its_L_part_and_an_adopted_text_as_adopted(string symbol, string label)
    {
        SymbolGuesses.LabelFor(symbol).Should().Be(label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_text_without_a_symbol_is_labelled_as_imported(string? symbol)
    {
        SymbolGuesses.LabelFor(symbol).Should().Be("Imported text");
    }

    [Theory]
    [InlineData("A/HRC/43/L.31", SymbolStage.Draft)]
    [InlineData("A/C.3/77/L.5", SymbolStage.Draft)]
    [InlineData("E/CN.4/2005/L.10/Add.17", SymbolStage.Draft)]
    [InlineData("A/HRC/43/L.31/Corr.1", SymbolStage.Draft)]
    [InlineData("A/HRC/43/L.31/Rev.1", SymbolStage.Revision)]
    [InlineData("a/hrc/43/l.31/rev.1", SymbolStage.Revision)]
    [InlineData("A/HRC/RES/37/23", SymbolStage.Adopted)]
    [InlineData("A/RES/60/251", SymbolStage.Adopted)]
    public void The_kind_of_version_follows_the_symbol(string symbol, SymbolStage stage)
    {
        SymbolGuesses.KindFor(symbol).Should().Be(stage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a symbol")]
    public void Without_a_recognisable_symbol_the_text_is_taken_for_a_draft(string? symbol)
    {
        SymbolGuesses.KindFor(symbol).Should().Be(SymbolStage.Draft);
    }
}
