using System.Text;
using ResolutionTracker.Text.AkomaNtoso;
using ResolutionTracker.Text.Parsing;

namespace ResolutionTracker.UnitTests.Text.AkomaNtoso;

public class AknReaderTests
{
    private const string Draft = "A_HRC_99_L7_draft.xml";
    private const string RecordedVote = "A_HRC_RES_99_3_recorded_vote.xml";
    private const string WithoutVote = "A_HRC_RES_99_5_without_vote.xml";
    private const string SubItems = "A_HRC_RES_99_8_subitems_footnotes.xml";
    private const string UnknownStructures = "A_HRC_RES_99_9_unknown_structures.xml";

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Akn", name);

    private static ParsedResolution ReadFixture(string name) => AknReader.Read(FixturePath(name));

    private static ParsedResolution ReadText(string xml) => AknReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static string Statement(string inner) =>
        $"<akomaNtoso xmlns=\"{AknReader.Namespace}\"><statement name=\"resolution\">{inner}</statement></akomaNtoso>";

    private static int Count(ParsedVote vote, string choice) => vote.Rows.Count(r => r.Choice == choice);

    // ---- A draft with sponsors ---------------------------------------------------------------------

    [Fact]
    public void A_draft_gives_its_symbol_title_body_session_agenda_item_and_date()
    {
        var draft = ReadFixture(Draft);

        draft.Symbol.Should().Be("A/HRC/99/L.7");
        draft.Title.Should().Be("Access to public libraries in rural areas");
        draft.Body.Should().Be("Human Rights Council");
        draft.Session.Should().Be(99);
        draft.AgendaItem.Should().Be("3");
        draft.Date.Should().Be(new DateOnly(2099, 3, 28));
        draft.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Sponsors_are_split_without_breaking_state_names_that_contain_and_or_commas()
    {
        var draft = ReadFixture(Draft);

        draft.Sponsors.Should().Equal(
            "Austria", "Bosnia and Herzegovina", "Costa Rica", "Fiji", "Netherlands (Kingdom of the)",
            "Trinidad and Tobago", "United Kingdom of Great Britain and Northern Ireland", "Chile", "Ghana");
    }

    [Fact]
    public void A_draft_has_no_vote()
    {
        ReadFixture(Draft).Vote.Should().BeNull();
    }

    [Fact]
    public void Preambular_and_operative_paragraphs_are_counted_and_numbered()
    {
        var draft = ReadFixture(Draft);

        draft.Preambular.Select(p => p.Number).Should().Equal(1, 2, 3);
        draft.Operative.Select(p => p.Number).Should().Equal(1, 2, 3, 4);
        draft.Operative[3].Text.Should().Be("Decides to remain seized of the matter.");
    }

    [Fact]
    public void Tabs_and_line_breaks_inside_a_paragraph_become_single_spaces()
    {
        var draft = ReadFixture(Draft);

        draft.Preambular[1].Text.Should().Be(
            "Recognizing that public libraries in rural areas give access to information, learning and culture " +
            "to persons who live far from cities,");
    }

    [Fact]
    public void The_enacting_formula_is_not_a_preambular_paragraph()
    {
        ReadFixture(Draft).Preambular.Should().NotContain(p => p.Text.Contains("The Human Rights Council"));
    }

    [Fact]
    public void Sponsors_on_behalf_of_a_group_are_kept_as_the_state_with_a_warning()
    {
        var result = ReadText(Statement(
            "<meta><workflow source=\"#un\"><step date=\"2099-03-01\" outcome=\"draftResolution\" as=\"A/HRC/99/L.2\" " +
            "by=\"Pakistan* (on behalf of the Organization of Islamic Cooperation) and Cuba\" /></workflow></meta>" +
            "<mainBody><paragraph eId=\"para_1\"><num>1.</num><content><p>Decides to remain seized of the matter.</p></content></paragraph></mainBody>"));

        result.Sponsors.Should().Equal("Pakistan", "Cuba");
        result.Warnings.Should().Contain("Pakistan sponsors on behalf of the Organization of Islamic Cooperation.");
    }

    // ---- Adopted by a recorded vote ----------------------------------------------------------------

    [Fact]
    public void A_recorded_vote_gives_one_row_per_state_with_its_choice()
    {
        var vote = ReadFixture(RecordedVote).Vote!;

        vote.WithoutVote.Should().BeFalse();
        vote.Rows.Should().HaveCount(47);
        Count(vote, "Yes").Should().Be(24);
        Count(vote, "No").Should().Be(9);
        Count(vote, "Abstain").Should().Be(14);
        vote.Rows.Select(r => r.State).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_recorded_vote_uses_the_printed_full_names_when_they_agree_with_the_metadata()
    {
        var vote = ReadFixture(RecordedVote).Vote!;

        vote.Rows.Should().Contain(new ParsedVoteRow("United Kingdom of Great Britain and Northern Ireland", "Yes"));
        vote.Rows.Should().Contain(new ParsedVoteRow("Netherlands (Kingdom of the)", "Yes"));
        vote.Rows.Should().Contain(new ParsedVoteRow("Venezuela (Bolivarian Republic of)", "No"));
        vote.Rows.Should().Contain(new ParsedVoteRow("Côte d’Ivoire", "Abstain"));
        vote.Rows.Should().Contain(new ParsedVoteRow("South Africa", "Abstain"), "the closing bracket is not part of the last name");
    }

    [Fact]
    public void A_recorded_vote_gives_its_meeting_and_date()
    {
        var resolution = ReadFixture(RecordedVote);

        resolution.Vote!.Meeting.Should().Be("52nd meeting");
        resolution.Vote.Date.Should().Be(new DateOnly(2099, 4, 4));
        resolution.Date.Should().Be(new DateOnly(2099, 4, 4));
        resolution.Symbol.Should().Be("A/HRC/RES/99/3");
        resolution.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void The_metadata_names_are_used_when_the_printed_list_disagrees_with_them()
    {
        var xml = File.ReadAllText(FixturePath(RecordedVote)).Replace("Albania, Argentina, ", "Argentina, ", StringComparison.Ordinal);

        var resolution = ReadText(xml);

        resolution.Vote!.Rows.Should().HaveCount(47);
        resolution.Vote.Rows.Should().Contain(new ParsedVoteRow("UNITED KINGDOM", "Yes"));
        resolution.Warnings.Should().ContainSingle(w => w.Contains("list different numbers of States", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stated_total_that_differs_from_the_listed_states_is_a_warning()
    {
        var xml = File.ReadAllText(FixturePath(RecordedVote))
            .Replace("<count value=\"24\" refersTo=\"inFavour\">", "<count value=\"25\" refersTo=\"inFavour\">", StringComparison.Ordinal);

        var resolution = ReadText(xml);

        resolution.Warnings.Should().Contain("The metadata gives 25 in favour but 24 States are listed.");
    }

    [Fact]
    public void A_recorded_vote_stated_only_in_the_metadata_is_read_from_it()
    {
        var result = ReadText(Statement(
            "<meta><analysis source=\"#un\"><parliamentary><voting outcome=\"adoptedRecordedVote\">" +
            "<count value=\"002\" refersTo=\"inFavour\"><organization refersTo=\"memberState\">ALGERIA</organization>" +
            "<organization refersTo=\"memberState\">CHILE</organization></count>" +
            "<count value=\"1\" refersTo=\"against\"><organization refersTo=\"memberState\">CUBA</organization></count>" +
            "</voting></parliamentary></analysis></meta>" +
            "<mainBody><paragraph eId=\"para_1\"><num>1.</num><content><p>Decides to remain seized of the matter.</p></content></paragraph></mainBody>"));

        result.Vote!.Rows.Should().Equal(
            new ParsedVoteRow("ALGERIA", "Yes"), new ParsedVoteRow("CHILE", "Yes"), new ParsedVoteRow("CUBA", "No"));
        result.Warnings.Should().NotContain(w => w.Contains("States are listed", StringComparison.Ordinal));
    }

    // ---- Adopted without a vote --------------------------------------------------------------------

    [Fact]
    public void Adoption_without_a_vote_has_no_rows()
    {
        var vote = ReadFixture(WithoutVote).Vote!;

        vote.WithoutVote.Should().BeTrue();
        vote.Rows.Should().BeEmpty();
        vote.Meeting.Should().Be("54th meeting");
        vote.Date.Should().Be(new DateOnly(2099, 4, 5));
    }

    [Fact]
    public void A_footnote_in_the_preamble_is_listed_and_taken_out_of_the_text()
    {
        var resolution = ReadFixture(WithoutVote);

        resolution.Footnotes.Should().Equal(new ParsedFootnote("2", "A/HRC/99/40."));
        resolution.Preambular[1].Text.Should().Be(
            "Taking note of the report of the Special Rapporteur on the human rights to safe drinking water and " +
            "sanitation, submitted to the Council at its present session,");
    }

    [Fact]
    public void An_adopted_resolution_lists_the_sponsors_of_its_draft()
    {
        ReadFixture(WithoutVote).Sponsors.Should().Equal("Ghana", "Norway");
    }

    // ---- Sub-items and footnotes -------------------------------------------------------------------

    [Fact]
    public void Points_in_a_list_become_sub_items_and_nested_points_go_one_level_deeper()
    {
        var paragraph = ReadFixture(SubItems).Operative[1];

        paragraph.Text.Should().Be("Calls upon States:");
        paragraph.SubItems.Select(s => (s.Label, s.Level)).Should().Equal(
            ("(a)", 1), ("(b)", 1), ("(i)", 2), ("(ii)", 2), ("(c)", 1));
        paragraph.SubItems[1].Text.Should().Be("To bring registration services closer to remote communities, including by:");
    }

    [Fact]
    public void A_footnote_inside_a_sub_item_is_taken_out_of_its_text()
    {
        var paragraph = ReadFixture(SubItems).Operative[1];

        paragraph.SubItems[2].Text.Should().Be("Mobile registration units;");
    }

    [Fact]
    public void Labelled_blocks_inside_a_paragraph_become_its_sub_items()
    {
        var paragraph = ReadFixture(SubItems).Operative[2];

        paragraph.Text.Should().Be("Requests the High Commissioner to prepare a study on:");
        paragraph.SubItems.Should().Equal(
            new ParsedSubItem("(a)", "The cost of late birth registration for families;"),
            new ParsedSubItem("(b)", "The use of digital identity systems in remote areas;"));
    }

    [Fact]
    public void Unnumbered_labelled_paragraphs_belong_to_the_numbered_paragraph_before_them()
    {
        var resolution = ReadFixture(SubItems);

        resolution.Operative.Select(p => p.Number).Should().Equal(1, 2, 3, 4, 5);
        resolution.Operative[3].SubItems.Should().Equal(
            new ParsedSubItem("(a)", "In the universal periodic review;"),
            new ParsedSubItem("(b)", "In their reports to the treaty bodies;"));
    }

    [Fact]
    public void Footnotes_are_listed_in_order_with_their_markers()
    {
        var resolution = ReadFixture(SubItems);

        resolution.Footnotes.Should().Equal(
            new ParsedFootnote("2", "See also A/HRC/97/22, paras. 4–9."),
            new ParsedFootnote("3", "A/HRC/99/33."),
            new ParsedFootnote("4", "As described in A/HRC/98/19, annex."));
        resolution.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Footnote_text_and_markers_never_stay_in_paragraph_text()
    {
        var resolution = ReadFixture(SubItems);

        resolution.Preambular[0].Text.Should().Be("Recalling its resolution 97/11 of 6 April 2098, and all previous resolutions on birth registration,");
        resolution.Operative[0].Text.Should().Be(
            "Welcomes the report of the Office of the United Nations High Commissioner for Human Rights on birth registration;");
    }

    // ---- Unknown structures ------------------------------------------------------------------------

    [Fact]
    public void Unknown_elements_keep_their_text_and_are_named_in_warnings()
    {
        var resolution = ReadFixture(UnknownStructures);

        resolution.Preambular.Select(p => p.Text).Should().Equal(
            "Recognizing that timely weather warnings save lives,",
            "Noting the work of national weather services,",
            "Bearing in mind the needs of small island developing States,");
        resolution.Operative[3].Text.Should().StartWith(
            "Requests the Secretary-General to report on la météo services, including forecasts, at the one hundred and second session.");
        resolution.Warnings.Should().Contain([
            "An unrecognised element <legacyRecital> in the preamble was kept as preambular paragraph 2.",
            "An unrecognised element <foreignWord> was read as plain text.",
            "An unrecognised element <unknownThing> was read as plain text.",
        ]);
    }

    [Fact]
    public void Paragraphs_inside_a_grouping_element_are_read_in_order_with_a_warning()
    {
        var resolution = ReadFixture(UnknownStructures);

        resolution.Operative[1].Text.Should().Be("Invites States to share weather data freely;");
        resolution.Warnings.Should().Contain(w => w.Contains("<hcontainer>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_jump_in_operative_numbering_is_a_warning()
    {
        var resolution = ReadFixture(UnknownStructures);

        resolution.Operative.Select(p => p.Number).Should().Equal(1, 2, 4, 5);
        resolution.Warnings.Should().Contain("Operative numbering jumps from 2 to 4.");
    }

    [Fact]
    public void An_unnumbered_paragraph_without_a_label_is_added_to_the_paragraph_before_it()
    {
        var resolution = ReadFixture(UnknownStructures);

        resolution.Operative[3].Text.Should().EndWith("second session. This sentence has no number of its own.");
        resolution.Warnings.Should().Contain(w => w.StartsWith("An unnumbered paragraph after operative paragraph 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Attachments_are_not_imported_and_say_so()
    {
        var resolution = ReadFixture(UnknownStructures);

        resolution.Operative.Should().NotContain(p => p.Text.Contains("annex", StringComparison.Ordinal));
        resolution.Warnings.Should().Contain("The document has 1 attachment(s) (such as an annex); their text is not imported.");
    }

    [Fact]
    public void An_operative_part_without_numbers_is_numbered_by_position_with_a_warning()
    {
        var result = ReadText(Statement(
            "<preamble><container name=\"Recalling\"><p>Recalling its earlier decisions,</p></container></preamble>" +
            "<mainBody><paragraph eId=\"para_1\"><content><p>Decides to hold a panel discussion.</p></content></paragraph></mainBody>"));

        result.Operative.Should().BeEquivalentTo([new ParsedParagraph(1, "Decides to hold a panel discussion.", [])]);
        result.Warnings.Should().Contain(w => w.Contains("no numbered paragraphs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_without_preamble_or_operative_part_is_read_with_warnings()
    {
        var result = ReadText(Statement("<meta />"));

        result.Preambular.Should().BeEmpty();
        result.Operative.Should().BeEmpty();
        result.Warnings.Should().Contain(["The document has no preamble.", "The document has no operative part (no <mainBody>)."]);
    }

    // ---- Files that are not Akoma Ntoso ------------------------------------------------------------

    [Theory]
    [InlineData("not_xml.xml", "not well-formed XML")]
    [InlineData("malformed_truncated.xml", "not well-formed XML")]
    [InlineData("empty.xml", "empty")]
    [InlineData("wrong_namespace.xml", "not an Akoma Ntoso 3.0 document")]
    [InlineData("xxe_doctype.xml", "DOCTYPE")]
    [InlineData("entity_expansion.xml", "DOCTYPE")]
    public void A_file_that_cannot_be_read_is_refused_with_a_message_for_the_user(string fixture, string expected)
    {
        var read = () => ReadFixture(fixture);

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void A_document_type_declaration_is_refused_before_any_entity_is_resolved()
    {
        var read = () => ReadFixture("xxe_doctype.xml");

        read.Should().Throw<AknFormatException>().Which.Message.Should().NotContain("root:");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        using var stream = new MemoryStream(new byte[AknReader.MaxCharacters + 1]);

        var read = () => AknReader.Read(stream);

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain("larger than 20 MB");
    }

    [Fact]
    public void An_akoma_ntoso_root_without_a_document_is_refused()
    {
        var read = () => ReadText($"<akomaNtoso xmlns=\"{AknReader.Namespace}\" />");

        read.Should().Throw<AknFormatException>().Which.Message.Should().Contain("holds no document");
    }
}
