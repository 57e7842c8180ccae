using ResolutionTracker.Text.Symbols;

namespace ResolutionTracker.UnitTests.Text;

public class SymbolRecognizerTests
{
    [Theory]
    [InlineData("A/HRC/43/L.31")]
    [InlineData("A/HRC/43/L.31/Rev.1")]
    [InlineData("A/HRC/RES/37/23")]
    [InlineData("A/RES/60/251")]
    [InlineData("A/RES/72/247")]
    [InlineData("A/C.3/66/L.32")]
    [InlineData("A/C.3/80/L.14")]
    [InlineData("E/CN.4/2005/L.10/Add.17")]
    [InlineData("S/RES/2334 (2016)")]
    [InlineData("A/HRC/43/L.42")]
    [InlineData("A/80/L.3")]
    [InlineData("A/RES/80/4")]
    [InlineData("A/HRC/56/L.12")]
    [InlineData("A/HRC/43/L.31/Add.1/Corr.1")]
    [InlineData("A/HRC/43/L.31/Corr.2")]
    [InlineData("A/C.3/80/L.14/Amend.1")]
    [InlineData("A/HRC/43/L.31/Rev.1/Add.1")]
    [InlineData("ST/SGB/2003/13")]
    [InlineData("CCPR/C/GC/36")]
    [InlineData("E/2020/L.5")]
    [InlineData("S/2020/123")]
    [InlineData("A/ES-10/L.22")]
    [InlineData("A/HRC/S-29/L.1")]
    [InlineData("A/HRC/WG.6/30/CHN/1")]
    [InlineData("E/C.12/GC/24")]
    [InlineData("E/CN.4/Sub.2/2005/20")]
    public void A_UN_document_symbol_is_recognised(string symbol)
    {
        SymbolRecognizer.IsSymbol(symbol).Should().BeTrue();
    }

    [Theory]
    [InlineData("A/HRC/43/L.31")]
    [InlineData("A/RES/60/251")]
    [InlineData("E/CN.4/2005/L.10/Add.17")]
    [InlineData("S/RES/2334 (2016)")]
    [InlineData("A/HRC/43/L.31/Add.1/Corr.1")]
    public void A_symbol_inside_a_sentence_is_found_whole(string symbol)
    {
        var text = $"The draft resolution {symbol} was tabled.";

        var matches = SymbolRecognizer.FindAll(text);

        matches.Should().ContainSingle().Which.Should().Be(new SymbolMatch(text.IndexOf(symbol, StringComparison.Ordinal), symbol.Length, symbol));
    }

    [Theory]
    [InlineData("23/03/2018")]
    [InlineData("2020/05/29")]
    [InlineData("03/23/2018")]
    public void A_date_is_not_a_symbol(string date)
    {
        SymbolRecognizer.FindAll($"Adopted on {date} at the 43rd session.").Should().BeEmpty();
    }

    [Theory]
    [InlineData("28/1/17")]
    [InlineData("28 to 1")]
    [InlineData("1/2")]
    [InlineData("3/4")]
    [InlineData("24/7")]
    public void A_ratio_or_fraction_is_not_a_symbol(string ratio)
    {
        SymbolRecognizer.FindAll($"The vote was {ratio} in the end.").Should().BeEmpty();
    }

    [Theory]
    [InlineData("states and/or observers")]
    [InlineData("see /usr/lib/x86_64 for the files")]
    [InlineData("we ran A/B testing on the layout")]
    [InlineData("the A/C was broken")]
    [InlineData("TCP/IP and I/O")]
    [InlineData("resolution 37/23 and GA resolution 60/251")]
    [InlineData("a/hrc/43/l.31 in lower case")]
    [InlineData("E/2 is too short")]
    [InlineData("")]
    public void Ordinary_slashed_words_are_not_symbols(string text)
    {
        SymbolRecognizer.FindAll(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/RES/37/23")]
    [InlineData("http://undocs.org/A/RES/60/251")]
    [InlineData("https://www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/72/247")]
    [InlineData("www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/72/247")]
    public void A_symbol_inside_an_address_is_not_reported(string url)
    {
        SymbolRecognizer.FindAll($"Available at {url} (accessed 2020).").Should().BeEmpty();
    }

    [Fact]
    public void A_symbol_next_to_an_address_is_still_found()
    {
        var text = "Resolution A/HRC/RES/37/23, https://ap.ohchr.org/documents/dpage_e.aspx?si=A/HRC/RES/37/23";

        SymbolRecognizer.FindAll(text).Should().ContainSingle()
            .Which.Should().Be(new SymbolMatch(11, 15, "A/HRC/RES/37/23"));
    }

    [Theory]
    [InlineData("See A/RES/60/251.", "A/RES/60/251")]
    [InlineData("See A/RES/60/251, and more", "A/RES/60/251")]
    [InlineData("(see A/RES/60/251)", "A/RES/60/251")]
    [InlineData("A/RES/60/251; A/RES/72/247", "A/RES/60/251")]
    [InlineData("in draft A/HRC/43/L.31.", "A/HRC/43/L.31")]
    [InlineData("in draft A/HRC/43/L.31/Rev.1.", "A/HRC/43/L.31/Rev.1")]
    [InlineData("(S/RES/2334 (2016)).", "S/RES/2334 (2016)")]
    [InlineData("\"A/C.3/80/L.14\"", "A/C.3/80/L.14")]
    public void Trailing_punctuation_is_not_part_of_the_symbol(string text, string expected)
    {
        SymbolRecognizer.FindAll(text).Should().NotBeEmpty()
            .And.Subject.First().Symbol.Should().Be(expected);
    }

    [Theory]
    [InlineData("XA/RES/60/251")]
    [InlineData("9A/RES/60/251")]
    [InlineData("docs/A/RES/60/251")]
    public void A_symbol_must_start_at_a_word_boundary(string text)
    {
        SymbolRecognizer.FindAll(text).Should().BeEmpty();
    }

    [Fact]
    public void A_symbol_glued_to_following_letters_is_not_a_symbol()
    {
        SymbolRecognizer.FindAll("A/RES/60/251abc").Should().BeEmpty();
    }

    [Fact]
    public void A_year_in_parentheses_belongs_only_to_a_Security_Council_resolution()
    {
        SymbolRecognizer.FindAll("A/RES/60/251 (2006)").Should().ContainSingle()
            .Which.Symbol.Should().Be("A/RES/60/251");
    }

    [Fact]
    public void A_Security_Council_resolution_without_its_year_is_still_a_symbol()
    {
        SymbolRecognizer.FindAll("S/RES/2334 was adopted").Should().ContainSingle()
            .Which.Symbol.Should().Be("S/RES/2334");
    }

    [Fact]
    public void A_non_breaking_space_before_the_year_is_read_as_a_space()
    {
        var matches = SymbolRecognizer.FindAll("S/RES/2334\u00A0(2016)");

        matches.Should().ContainSingle().Which.Should().Be(new SymbolMatch(0, 17, "S/RES/2334 (2016)"));
    }

    [Fact]
    public void Symbols_are_returned_in_order_of_appearance()
    {
        const string text = "Recalling A/HRC/RES/37/23 of 23/03/2018 and General Assembly resolutions A/RES/60/251 and A/RES/72/247, "
            + "and noting A/HRC/43/L.42 (see https://undocs.org/A/HRC/43/L.31), S/RES/2334 (2016) and E/CN.4/2005/L.10/Add.17.";

        var matches = SymbolRecognizer.FindAll(text);

        matches.Select(m => m.Symbol).Should().Equal(
            "A/HRC/RES/37/23", "A/RES/60/251", "A/RES/72/247", "A/HRC/43/L.42", "S/RES/2334 (2016)", "E/CN.4/2005/L.10/Add.17");
        matches.Select(m => m.Start).Should().BeInAscendingOrder();
        matches.Should().OnlyContain(m => text.Substring(m.Start, m.Length) == m.Symbol);
    }

    [Fact]
    public void Footnotes_of_the_seed_annex_yield_their_symbols()
    {
        const string text = "2 A/HRC/RES/37/23, adopted on 23 March 2018 by a recorded vote of 28 to 1, with 17 abstentions.\n"
            + "3 GA resolution 60/251 (A/RES/60/251), para. 5(a).\n"
            + "4 A/HRC/43/L.42; A/RES/72/247.";

        SymbolRecognizer.FindAll(text).Select(m => m.Symbol).Should().Equal(
            "A/HRC/RES/37/23", "A/RES/60/251", "A/HRC/43/L.42", "A/RES/72/247");
    }

    [Theory]
    [InlineData(" A/RES/60/251")]
    [InlineData("A/RES/60/251.")]
    [InlineData("A/RES/60/251 A/RES/72/247")]
    [InlineData("see A/RES/60/251")]
    [InlineData("A/B")]
    [InlineData("23/03/2018")]
    [InlineData("")]
    [InlineData(null)]
    public void Is_symbol_is_false_unless_the_whole_string_is_one_symbol(string? candidate)
    {
        SymbolRecognizer.IsSymbol(candidate).Should().BeFalse();
    }

    [Theory]
    [InlineData("S/RES/2334 (2016)", "https://undocs.org/en/S/RES/2334%20(2016)")]
    [InlineData("A/HRC/43/L.31", "https://undocs.org/en/A/HRC/43/L.31")]
    [InlineData("A/HRC/43/L.31/Rev.1", "https://undocs.org/en/A/HRC/43/L.31/Rev.1")]
    [InlineData("E/CN.4/2005/L.10/Add.17", "https://undocs.org/en/E/CN.4/2005/L.10/Add.17")]
    [InlineData(" A/RES/60/251 ", "https://undocs.org/en/A/RES/60/251")]
    public void To_url_links_the_symbol_on_undocs_keeping_its_slashes(string symbol, string expected)
    {
        SymbolRecognizer.ToUrl(symbol).Should().Be(expected);
    }

    [Fact]
    public void To_url_escapes_characters_that_cannot_stand_in_an_address()
    {
        SymbolRecognizer.ToUrl("A/HRC/43/L.31?x=1#y").Should().Be("https://undocs.org/en/A/HRC/43/L.31%3Fx%3D1%23y");
    }

    [Fact]
    public void To_url_refuses_an_empty_symbol()
    {
        var act = () => SymbolRecognizer.ToUrl("  ");

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("S/PV.9000")]
    [InlineData("A/80/L.3/Add.1")]
    [InlineData("A/C.3/80/L.14/Rev.1/Corr.1")]
    [InlineData("A/HRC/RES/37/23/Corr.1")]
    [InlineData("A/RES/ES-10/19")]
    [InlineData("A/CONF.157/23")]
    [InlineData("A/75/PV.40")]
    public void Further_symbol_forms_are_recognised(string symbol)
    {
        SymbolRecognizer.IsSymbol(symbol).Should().BeTrue();
    }

    [Fact]
    public void A_Security_Council_year_printed_without_its_space_is_read_with_it()
    {
        SymbolRecognizer.FindAll("as in S/RES/2334(2016).").Should().ContainSingle()
            .Which.Should().Be(new SymbolMatch(6, 16, "S/RES/2334 (2016)"));
    }

    [Theory]
    [InlineData("S/PV")]
    [InlineData("S/PV.x")]
    [InlineData("A/80/___.")]
    [InlineData("1/2/2020")]
    [InlineData("km/h")]
    [InlineData("E/2020")]
    [InlineData("ftp://example.org/A/HRC/1/2")]
    public void Near_symbols_are_not_symbols(string text)
    {
        SymbolRecognizer.FindAll(text).Should().BeEmpty();
    }
}
