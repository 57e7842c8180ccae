using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.Parsing;

public class UnTextParserTests
{
    private static ParsedResolution ParseFixture(string name) => UnTextParser.Parse(UnTextFixtures.Read(name));

    private static IEnumerable<string> FirstWords(IEnumerable<ParsedParagraph> paragraphs) =>
        paragraphs.Select(p => p.Text.Split(' ', ',')[0]);

    [Fact]
    public void A_Human_Rights_Council_draft_gives_its_header_sponsors_and_paragraphs()
    {
        var parsed = ParseFixture("hrc_draft_A_HRC_99_L_7.txt");

        parsed.Symbol.Should().Be("A/HRC/99/L.7");
        parsed.Body.Should().Be("Human Rights Council");
        parsed.Session.Should().Be(99);
        parsed.AgendaItem.Should().Be("3");
        parsed.Date.Should().Be(new DateOnly(2099, 4, 2));
        parsed.Title.Should().Be("The right to clean water in mountain communities");
        parsed.Sponsors.Should().Equal("Albania", "Andorra", "Austria", "Belgium", "Bulgaria", "Chile", "Costa Rica", "Denmark",
            "Fiji", "Iceland", "Luxembourg", "Mexico", "Norway", "Portugal", "Trinidad and Tobago", "Uruguay");
        FirstWords(parsed.Preambular).Should().Equal("Guided", "Recalling", "Bearing", "Deeply", "Noting");
        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2, 3);
        FirstWords(parsed.Operative).Should().Equal("Calls", "Requests", "Decides");
        parsed.Footnotes.Should().Equal(new ParsedFootnote("*", "State not a member of the Human Rights Council."));
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_paragraph_cut_by_a_page_break_is_joined_without_the_page_furniture()
    {
        var parsed = ParseFixture("hrc_draft_A_HRC_99_L_7.txt");

        parsed.Preambular[3].Text.Should().Be("Deeply concerned that melting glaciers threaten the water supply of millions of persons living downstream,");
    }

    [Fact]
    public void Sub_items_stay_with_their_operative_paragraph()
    {
        var parsed = ParseFixture("hrc_draft_A_HRC_99_L_7.txt");

        parsed.Operative[0].Text.Should().Be("Calls upon States:");
        parsed.Operative[0].SubItems.Select(s => s.Label).Should().Equal("(a)", "(b)", "(c)");
        parsed.Operative[0].SubItems[0].Text.Should().Be("To ensure that mountain communities take part in decision-making on water resources that affect them;");
        parsed.Operative[0].SubItems.Should().OnlyContain(s => s.Level == 1);
    }

    [Fact]
    public void An_adopted_Council_resolution_gives_its_title_without_the_number_and_its_recorded_vote()
    {
        var parsed = ParseFixture("hrc_adopted_A_HRC_RES_98_12.txt");

        parsed.Symbol.Should().Be("A/HRC/RES/98/12");
        parsed.Title.Should().Be("Safety of volunteer lifeguards on public beaches");
        parsed.Session.Should().Be(98);
        parsed.Sponsors.Should().BeEmpty();
        FirstWords(parsed.Preambular).Should().Equal("Reaffirming", "Recognizing", "Alarmed", "Welcoming");
        parsed.Operative.Should().HaveCount(3);
        parsed.Operative[2].Text.Should().Be("Decides to continue its consideration of this question at its one hundred and first session.");
        parsed.Vote.Should().NotBeNull();
        parsed.Vote!.Meeting.Should().Be("44th meeting");
        parsed.Vote.Date.Should().Be(new DateOnly(2098, 4, 3));
        parsed.Vote.WithoutVote.Should().BeFalse();
        parsed.Vote.Rows.Should().Equal(
            new ParsedVoteRow("Argentina", "Yes"), new ParsedVoteRow("Benin", "Yes"), new ParsedVoteRow("Bosnia and Herzegovina", "Yes"),
            new ParsedVoteRow("Chile", "Yes"), new ParsedVoteRow("Denmark", "No"), new ParsedVoteRow("Ecuador", "Abstain"),
            new ParsedVoteRow("Fiji", "Abstain"));
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Roman_numeral_items_under_a_lettered_item_are_on_the_second_level()
    {
        var parsed = ParseFixture("hrc_adopted_A_HRC_RES_98_12.txt");

        parsed.Operative[1].SubItems.Select(s => (s.Label, s.Level)).Should().Equal(("(a)", 1), ("(i)", 2), ("(ii)", 2), ("(b)", 1));
        parsed.Operative[1].SubItems[2].Text.Should().Be("First-aid kits;");
    }

    [Fact]
    public void Glued_footnote_markers_are_removed_and_the_notes_kept_with_their_markers()
    {
        var parsed = ParseFixture("ga_draft_A_99_L_12.txt");

        parsed.Preambular[0].Text.Should().Be("Recalling its resolution 97/15 of 2 December 2097 on parks and public health, and its decision 98/520 of 21 December 2098,");
        parsed.Preambular[1].Text.Should().Contain("adopted in 2015, in particular Goal 11");
        parsed.Preambular[2].Text.Should().EndWith("published in 2098,");
        parsed.Preambular[3].Text.Should().Contain("enjoyment of human rights and to the well-being");
        parsed.Footnotes.Select(f => f.Marker).Should().Equal("*", "1", "2", "3", "4", "5", "6");
        parsed.Footnotes[3].Text.Should().Be("World Health Organization, Noise and Health Report 2098 (Geneva, 2098).");
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_year_with_a_footnote_number_glued_to_it_keeps_the_year()
    {
        var parsed = ParseFixture("ga_draft_A_99_L_12.txt");

        parsed.Preambular[4].Text.Should().EndWith("held in Kathmandu in 2098 and at other regional meetings,");
    }

    [Fact]
    public void A_footnote_block_in_the_middle_of_a_paragraph_is_taken_out_of_it()
    {
        var parsed = ParseFixture("ga_draft_A_99_L_12.txt");

        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2, 3, 4);
        parsed.Operative[1].Text.Should().EndWith("raising public awareness of the value of quiet places, and to make their parks more quiet;");
        parsed.Sponsors.Should().Equal("Bhutan", "Costa Rica", "Ghana", "Nepal", "Panama", "Senegal");
        parsed.Title.Should().Be("International Day of Quiet Parks");
        parsed.AgendaItem.Should().Be("14");
    }

    [Fact]
    public void A_Third_Committee_draft_is_recognised_by_its_symbol_and_keeps_state_names_with_and()
    {
        var parsed = ParseFixture("third_committee_A_C_3_99_L_21.txt");

        parsed.Body.Should().Be("Third Committee");
        parsed.Session.Should().Be(99);
        parsed.AgendaItem.Should().Be("71 (b)");
        parsed.Title.Should().Be("Older persons and access to public libraries");
        parsed.Sponsors.Should().Equal("Andorra", "Bosnia and Herzegovina", "Cabo Verde", "Iceland", "Saint Vincent and the Grenadines",
            "Sao Tome and Principe", "United Kingdom of Great Britain and Northern Ireland");
        FirstWords(parsed.Preambular).Should().Equal("Reaffirming", "Emphasizing", "Mindful");
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Sub_items_at_two_levels_are_told_apart_and_i_after_h_is_a_letter()
    {
        var parsed = ParseFixture("third_committee_A_C_3_99_L_21.txt");

        parsed.Operative[0].SubItems.Select(s => (s.Label, s.Level)).Should().Equal(
            ("(a)", 1), ("(i)", 2), ("(ii)", 2), ("(iii)", 2), ("(b)", 1), ("(c)", 1));
        parsed.Operative[1].SubItems.Select(s => s.Label).Should().Equal("(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)");
        parsed.Operative[1].SubItems.Should().OnlyContain(s => s.Level == 1);
    }

    [Fact]
    public void An_adopted_Assembly_resolution_drops_the_running_header_and_the_closing_lines()
    {
        var parsed = ParseFixture("ga_adopted_A_RES_99_30.txt");

        parsed.Symbol.Should().Be("A/RES/99/30");
        parsed.Body.Should().Be("General Assembly");
        parsed.Title.Should().Be("Children's right to play in safe public spaces in towns and cities");
        parsed.Date.Should().Be(new DateOnly(2099, 12, 18));
        FirstWords(parsed.Preambular).Should().Equal("Reaffirming", "Recognizing", "Concerned", "Acknowledging");
        FirstWords(parsed.Operative).Should().Equal("Calls", "Encourages", "Requests", "Decides");
        parsed.Operative[3].Text.Should().Be("Decides to include in the provisional agenda of its one hundredth session the item entitled “Rights of the child”.");
        parsed.Vote!.Meeting.Should().Be("52nd plenary meeting");
        parsed.Vote.Date.Should().Be(new DateOnly(2099, 12, 12));
        parsed.Vote.Rows.Should().BeEmpty();
        parsed.Footnotes.Should().BeEmpty();
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_gap_in_operative_numbering_is_kept_and_warned_about()
    {
        var parsed = ParseFixture("numbering_jump_A_HRC_99_L_19.txt");

        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2, 3, 4, 6, 7);
        parsed.Warnings.Should().Equal("operative numbering jumps from 4 to 6");
        parsed.AgendaItem.Should().Be("8");
    }

    [Fact]
    public void A_text_without_operative_paragraphs_keeps_its_preamble_and_warns()
    {
        var parsed = ParseFixture("no_operative_A_99_L_55.txt");

        FirstWords(parsed.Preambular).Should().Equal("Recalling", "Recognizing", "Welcoming");
        parsed.Operative.Should().BeEmpty();
        parsed.Sponsors.Should().Equal("Malta", "Palau");
        parsed.Warnings.Should().Equal("no operative paragraph found");
    }

    [Fact]
    public void Hyphenated_line_ends_are_joined_and_real_compounds_keep_their_hyphen()
    {
        var parsed = ParseFixture("hyphenation_A_99_L_61.txt");

        parsed.Preambular.Select(p => p.Text).Should().Equal(
            "Reaffirming the right of all peoples to self-determination,",
            "Recalling its resolution 97/81 on the follow-up to the conference on coastal communities,",
            "Noting the role of non-governmental organizations and of non-State actors in coastal adaptation,",
            "Stressing the need for capacity-building and for the participation of women in decision-making at all levels,",
            "Concerned about the short-term and long-term effects of erosion on the well-being of island populations,",
            "Convinced that international cooperation and the transfer of technology are essential for the adaptation of coastal communities,");
        parsed.Operative[0].Text.Should().Be("Calls for the full participation of the Secretary-General’s special envoys in the regional meetings;");
        parsed.Operative[1].Text.Should().Contain("data on sea-level rise");
    }

    [Fact]
    public void Page_furniture_with_a_dated_header_and_please_recycle_never_reaches_a_paragraph()
    {
        var parsed = ParseFixture("hyphenation_A_99_L_61.txt");

        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2, 3);
        parsed.Operative[2].Text.Should().Be("Decides to remain seized of the matter.");
        parsed.Title.Should().Be("Inclusive decision-making on coastal adaptation");
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_text_without_blank_lines_is_split_at_numbers_labels_and_opening_words()
    {
        var parsed = ParseFixture("compact_A_HRC_99_L_23.txt");

        parsed.Sponsors.Should().Equal("Chile", "Ireland", "Namibia");
        parsed.Title.Should().Be("The right to rest and leisure of domestic workers");
        FirstWords(parsed.Preambular).Should().Equal("Recalling", "Recognizing", "Deeply");
        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2, 3);
        parsed.Operative[1].SubItems.Select(s => s.Text).Should().Equal("To respect agreed working hours; and", "To grant paid annual leave;");
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_Security_Council_resolution_has_no_session_and_no_title()
    {
        var parsed = ParseFixture("security_council_S_RES_9999.txt");

        parsed.Symbol.Should().Be("S/RES/9999 (2099)");
        parsed.Body.Should().Be("Security Council");
        parsed.Session.Should().BeNull();
        parsed.Title.Should().BeNull();
        FirstWords(parsed.Preambular).Should().Equal("Recalling", "Expressing");
        parsed.Operative.Should().HaveCount(2);
        parsed.Warnings.Should().Equal("no title found before the opening formula");
    }

    [Fact]
    public void A_long_resolution_of_156_paragraphs_comes_out_whole()
    {
        var parsed = ParseFixture("long_A_99_L_77.txt");

        parsed.Preambular.Should().HaveCount(60);
        parsed.Operative.Select(p => p.Number).Should().Equal(Enumerable.Range(1, 96));
        FirstWords(parsed.Preambular.Take(6)).Should().Equal("Recalling", "Reaffirming", "Recognizing", "Stressing", "Welcoming", "Acknowledging");
        parsed.Preambular.Should().OnlyContain(p => p.Text.EndsWith(','));
        parsed.Operative.Take(95).Should().OnlyContain(p => p.Text.EndsWith(';') || p.Text.EndsWith(':'));
        parsed.Operative[^1].Text.Should().EndWith(".");
        parsed.Operative.Where(p => p.SubItems.Count > 0).Select(p => p.Number).Should().Equal(15, 30, 45, 60, 75, 90);
        parsed.Footnotes.Select(f => f.Marker).Should().Equal(["*", .. Enumerable.Range(1, 23).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        parsed.Preambular.Concat(parsed.Operative).Should().NotContain(p => p.Text.Contains("99-23456") || p.Text.Contains("A/99/L.77"));
        parsed.Sponsors.Should().HaveCount(11);
        parsed.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_text_in_French_is_kept_one_paragraph_per_block_with_a_warning()
    {
        var parsed = ParseFixture("french_A_99_L_40.txt");

        parsed.Symbol.Should().Be("A/99/L.40");
        parsed.Operative.Should().BeEmpty();
        parsed.Preambular.Select(p => p.Text).Should().Contain("Rappelant sa résolution 97/15 du 2 décembre 2097 sur les parcs et la santé publique,");
        parsed.Preambular.Select(p => p.Text).Should().NotContain(t => t.Contains("*9920411*") || t == "A/99/L.40");
        parsed.Warnings.Should().ContainSingle().Which.Should().Contain("French");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n \r\n\t ")]
    public void Empty_text_gives_an_empty_result_with_a_warning(string text)
    {
        var parsed = UnTextParser.Parse(text);

        parsed.Preambular.Should().BeEmpty();
        parsed.Operative.Should().BeEmpty();
        parsed.Symbol.Should().BeNull();
        parsed.Warnings.Should().Equal("no text");
    }

    [Fact]
    public void A_text_without_an_opening_formula_is_still_read_and_warned_about()
    {
        var parsed = UnTextParser.Parse("Recalling its earlier work,\n\nNoting the report,\n\n1. Decides to act;\n\n2. Requests a report.\n");

        FirstWords(parsed.Preambular).Should().Equal("Recalling", "Noting");
        parsed.Operative.Select(p => p.Number).Should().Equal(1, 2);
        parsed.Warnings.Should().Contain(w => w.Contains("no opening formula"));
    }

    [Fact]
    public void Unnumbered_text_among_operative_paragraphs_is_joined_to_the_one_above_with_a_warning()
    {
        var parsed = UnTextParser.Parse("The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\nStray line of text.\n\n2. Requests a report.\n");

        parsed.Operative.Should().HaveCount(2);
        parsed.Operative[0].Text.Should().Be("Decides to act; Stray line of text.");
        parsed.Warnings.Should().Contain(w => w.StartsWith("text after operative paragraph 1 has no number", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unusual_preambular_opening_word_is_warned_about()
    {
        var parsed = UnTextParser.Parse("The General Assembly,\n\nRecalling its work,\n\nBananas are yellow,\n\n1. Decides to act.\n");

        parsed.Preambular.Should().HaveCount(2);
        parsed.Warnings.Should().ContainSingle(w => w.StartsWith("preambular paragraph", StringComparison.Ordinal))
            .Which.Should().Contain("preambular paragraph 2 begins with \"Bananas\"");
    }

    [Fact]
    public void Numbers_in_the_prose_are_not_taken_for_footnote_markers()
    {
        const string text = "The General Assembly,\n\nRecalling article 2 of the Covenant and 1.5 per cent of budgets,1\n\n"
            + "1. Decides to act in 2 regions;\n\n__________________\n\n1 See A/99/1.\n\n2 Unused note.\n";

        var parsed = UnTextParser.Parse(text);

        parsed.Preambular[0].Text.Should().Be("Recalling article 2 of the Covenant and 1.5 per cent of budgets,");
        parsed.Operative[0].Text.Should().Be("Decides to act in 2 regions;");
        parsed.Warnings.Should().Contain("the marker of footnote 2 was not found in the text")
            .And.NotContain(w => w.Contains("footnote 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parsing_a_150_paragraph_resolution_is_fast()
    {
        var text = UnTextFixtures.Read("long_A_99_L_77.txt");
        UnTextParser.Parse(text);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
            UnTextParser.Parse(text);

        // The target is 20 ms a parse; a test runner on a busy machine gets five times that.
        (watch.Elapsed.TotalMilliseconds / 10).Should().BeLessThan(100);
    }
}
