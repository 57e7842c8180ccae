using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Organisations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

public class ResolutionVersionTests
{
    private readonly ResolutionVersion _version = Examples.DraftOf(Examples.L31());

    [Fact]
    public void A_version_belongs_to_its_resolution_and_keeps_its_symbol()
    {
        var resolution = Examples.L31();

        var version = resolution.AddVersion("L.31/Rev.1", VersionKind.Revision, null, TextCompleteness.Complete, " A/HRC/43/L.31/Rev.1 ");

        version.Resolution.Should().BeSameAs(resolution);
        version.Symbol.Should().Be("A/HRC/43/L.31/Rev.1");
    }

    [Fact]
    public void A_paragraph_number_is_unique_within_a_version_and_kind()
    {
        _version.AddParagraph(ParagraphKind.Preambular, 4, "Recalling its resolution 37/23,", TextSource.Quoted);

        var act = () => _version.AddParagraph(ParagraphKind.Preambular, 4, "Reaffirming", TextSource.Quoted);

        act.Should().Throw<DomainException>().WithMessage("*pp.4*");
        _version.Paragraphs.Should().ContainSingle();
    }

    [Fact]
    public void A_preambular_and_an_operative_paragraph_may_share_a_number()
    {
        _version.AddParagraph(ParagraphKind.Preambular, 1, "Guided by the Charter,", TextSource.Imported);

        _version.AddParagraph(ParagraphKind.Operative, 1, "Decides to continue its consideration.", TextSource.Imported);

        _version.Paragraphs.Should().HaveCount(2);
    }

    [Fact]
    public void The_same_paragraph_number_may_appear_in_another_version()
    {
        var resolution = Examples.L31();
        var draft = Examples.DraftOf(resolution);
        var revision = resolution.AddVersion("L.31/Rev.1", VersionKind.Revision, null, TextCompleteness.Complete);
        var pp4 = draft.AddParagraph(ParagraphKind.Preambular, 4, "Recalling,", TextSource.Imported);

        var same = revision.AddParagraph(ParagraphKind.Preambular, 4, "Recalling also,", TextSource.Imported, pp4.StableId);

        same.StableId.Should().Be(pp4.StableId);
    }

    [Theory]
    [InlineData(ParagraphKind.Operative, 0)]
    [InlineData(ParagraphKind.Operative, -1)]
    [InlineData(ParagraphKind.Preambular, 0)]
    public void A_paragraph_number_must_be_positive(ParagraphKind kind, int number)
    {
        var act = () => _version.AddParagraph(kind, number, "Text", TextSource.Imported);

        act.Should().Throw<DomainException>().WithMessage("*must be positive*");
    }

    [Fact]
    public void A_paragraph_identity_appears_only_once_in_a_version()
    {
        var id = Guid.NewGuid();
        _version.AddParagraph(ParagraphKind.Preambular, 1, "Recalling,", TextSource.Imported, id);

        var act = () => _version.AddParagraph(ParagraphKind.Preambular, 2, "Reaffirming,", TextSource.Imported, id);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Preambular_paragraphs_are_positioned_before_operative_ones_in_number_order()
    {
        var op2 = _version.AddParagraph(ParagraphKind.Operative, 2, "Requests", TextSource.Imported);
        var op1 = _version.AddParagraph(ParagraphKind.Operative, 1, "Decides", TextSource.Imported);
        var pp2 = _version.AddParagraph(ParagraphKind.Preambular, 2, "Reaffirming", TextSource.Imported);
        var pp1 = _version.AddParagraph(ParagraphKind.Preambular, 1, "Recalling", TextSource.Imported);

        new[] { pp1.Position, pp2.Position, op1.Position, op2.Position }.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void A_version_may_hold_only_some_paragraphs_with_gaps_in_their_numbers()
    {
        var pp11 = _version.AddParagraph(ParagraphKind.Preambular, 11, "Stressing", TextSource.Quoted);
        var pp3 = _version.AddParagraph(ParagraphKind.Preambular, 3, "Reaffirming", TextSource.Quoted);

        pp3.Position.Should().Be(1);
        pp11.Position.Should().Be(2);
        pp11.Number.Should().Be(11);
    }

    [Fact]
    public void Appending_to_an_empty_version_starts_at_one()
    {
        var first = _version.AppendParagraph(ParagraphKind.Operative, "Decides");

        first.Number.Should().Be(1);
        first.Source.Should().Be(TextSource.Imported);
    }

    [Fact]
    public void Appending_follows_the_last_paragraph_of_the_same_kind()
    {
        _version.AddParagraph(ParagraphKind.Operative, 5, "Requests", TextSource.Quoted);
        _version.AddParagraph(ParagraphKind.Preambular, 2, "Recalling", TextSource.Quoted);

        var op = _version.AppendParagraph(ParagraphKind.Operative, "Decides to remain seized of the matter.");
        var pp = _version.AppendParagraph(ParagraphKind.Preambular, "Convinced");

        op.Number.Should().Be(6);
        pp.Number.Should().Be(3);
        pp.Position.Should().BeLessThan(op.Position);
    }

    [Fact]
    public void A_paragraph_whose_text_is_not_imported_holds_no_text()
    {
        var act = () => _version.AddParagraph(ParagraphKind.Preambular, 1, "Recalling", TextSource.NotImported);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_paragraph_not_imported_has_empty_text()
    {
        var paragraph = _version.AddParagraph(ParagraphKind.Preambular, 8, null, TextSource.NotImported);

        paragraph.Text.Should().BeEmpty();
        paragraph.Source.Should().Be(TextSource.NotImported);
    }

    [Fact]
    public void Changing_a_paragraph_to_not_imported_with_text_is_refused()
    {
        var paragraph = _version.AddParagraph(ParagraphKind.Preambular, 8, "Noting", TextSource.Quoted);

        var act = () => paragraph.SetText("Noting", TextSource.NotImported);

        act.Should().Throw<DomainException>();
        paragraph.Text.Should().Be("Noting");
    }

    [Theory]
    [InlineData(TextSource.Imported)]
    [InlineData(TextSource.Quoted)]
    public void An_imported_or_quoted_paragraph_needs_text(TextSource source)
    {
        var act = () => _version.AddParagraph(ParagraphKind.Operative, 1, "  ", source);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_paragraph_is_referred_to_as_the_UN_text_does()
    {
        var pp4 = _version.AddParagraph(ParagraphKind.Preambular, 4, "Recalling", TextSource.Quoted);
        var op3 = _version.AddParagraph(ParagraphKind.Operative, 3, "Requests", TextSource.Quoted);

        pp4.Reference().Should().Be("pp.4");
        pp4.Anchor.Should().Be("pp4");
        op3.Reference().Should().Be("OP 3");
        op3.Anchor.Should().Be("op3");
    }

    [Fact]
    public void Sub_items_are_numbered_in_order()
    {
        var op2 = _version.AddParagraph(ParagraphKind.Operative, 2, "Calls upon all States:", TextSource.Imported);

        var a = op2.AddSubItem("(a)", "To promote");
        var b = op2.AddSubItem("(b)", "To protect");

        a.Position.Should().Be(1);
        b.Position.Should().Be(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Sub_items_nest_at_most_three_levels(int level)
    {
        var op2 = _version.AddParagraph(ParagraphKind.Operative, 2, "Calls upon all States:", TextSource.Imported);

        var act = () => op2.AddSubItem("(i)", "To respect", level);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_state_sponsors_a_version()
    {
        var china = Examples.State("China");

        _version.Sponsor(china, SponsorRole.MainSponsor);

        _version.Sponsorships.Should().ContainSingle().Which.Organisation.Should().BeSameAs(china);
    }

    [Theory]
    [InlineData(OrganisationKind.Ngo)]
    [InlineData(OrganisationKind.UnBody)]
    [InlineData(OrganisationKind.Nhri)]
    public void Only_states_sponsor_a_version(OrganisationKind kind)
    {
        var act = () => _version.Sponsor(new Organisation("Not a state", kind), SponsorRole.CoSponsor);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_state_sponsors_a_version_only_once()
    {
        var china = Examples.State("China");
        _version.Sponsor(china, SponsorRole.MainSponsor);

        var act = () => _version.Sponsor(china, SponsorRole.CoSponsor);

        act.Should().Throw<DomainException>().WithMessage("China*");
        _version.Sponsorships.Should().ContainSingle();
    }

    [Fact]
    public void Sponsors_keep_the_order_they_were_added_in()
    {
        _version.Sponsor(Examples.State("China"), SponsorRole.MainSponsor);
        _version.Sponsor(Examples.State("Pakistan"), SponsorRole.CoSponsor);

        _version.Sponsorships.Select(s => s.Position).Should().Equal(1, 2);
    }

    [Fact]
    public void A_version_has_at_most_ten_main_sponsors()
    {
        for (var i = 1; i <= 10; i++)
            _version.Sponsor(Examples.State($"State {i}"), SponsorRole.MainSponsor);

        var act = () => _version.Sponsor(Examples.State("State 11"), SponsorRole.MainSponsor);

        act.Should().Throw<DomainException>();
    }
}
