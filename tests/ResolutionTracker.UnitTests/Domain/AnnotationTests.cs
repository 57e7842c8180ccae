using ResolutionTracker.Domain;
using ResolutionTracker.Domain.Annotations;
using ResolutionTracker.Domain.Resolutions;

namespace ResolutionTracker.UnitTests.Domain;

public class AnnotationTests
{
    private const string Pp11 =
        "Stressing that mutually beneficial cooperation should be promoted, and that mutually beneficial cooperation is of mutual benefit,";

    private readonly ResolutionVersion _version = Examples.DraftOf(Examples.L31());

    private Paragraph Paragraph(int number = 11, string text = Pp11) =>
        _version.AddParagraph(ParagraphKind.Preambular, number, text, TextSource.Quoted);

    [Fact]
    public void A_quote_is_found_where_its_prefix_and_suffix_match_among_repeats()
    {
        var selector = new TextQuoteSelector("mutually beneficial cooperation", "and that ", " is of");

        var found = selector.FindIn(Pp11);

        var second = Pp11.LastIndexOf("mutually beneficial cooperation", StringComparison.Ordinal);
        found.Should().Be((second, second + "mutually beneficial cooperation".Length));
    }

    [Fact]
    public void A_quote_without_context_is_its_first_occurrence()
    {
        var found = new TextQuoteSelector("mutually beneficial cooperation", null, null).FindIn(Pp11);

        var first = Pp11.IndexOf("mutually beneficial cooperation", StringComparison.Ordinal);
        found.Should().Be((first, first + "mutually beneficial cooperation".Length));
    }

    [Fact]
    public void A_quote_whose_context_changed_falls_back_to_its_first_occurrence()
    {
        var found = new TextQuoteSelector("mutually beneficial cooperation", "no longer here ", null).FindIn(Pp11);

        found!.Value.Start.Should().Be(Pp11.IndexOf("mutually beneficial cooperation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_no_longer_in_the_text_is_not_found()
    {
        new TextQuoteSelector("win-win cooperation", null, null).FindIn(Pp11).Should().BeNull();
    }

    [Fact]
    public void A_selector_needs_the_quoted_words()
    {
        var act = () => new TextQuoteSelector("", "a", "b");

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_selector_keeps_only_the_nearest_context()
    {
        var longContext = new string('x', 100);

        var selector = new TextQuoteSelector("quote", "start" + longContext, longContext + "end");

        selector.Prefix.Should().HaveLength(Limits.QuoteContext).And.NotContain("start");
        selector.Suffix.Should().HaveLength(Limits.QuoteContext).And.NotContain("end");
    }

    [Fact]
    public void A_quote_longer_than_the_limit_is_refused()
    {
        var act = () => new TextQuoteSelector(new string('x', Limits.Quote + 1), null, null);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void An_annotation_anchors_to_a_quote_in_its_paragraph()
    {
        var paragraph = Paragraph();
        var selector = new TextQuoteSelector("mutually beneficial cooperation", "and that ", " is of");

        var annotation = new Annotation(paragraph, "staff-1", "Replaces accountability.", selector, Examples.Now);

        annotation.Paragraph.Should().BeSameAs(paragraph);
        annotation.Selector.Should().Be(selector);
        annotation.IsOrphanedIn(paragraph.Text).Should().BeFalse();
    }

    [Fact]
    public void A_quote_not_in_the_paragraph_is_refused()
    {
        var paragraph = Paragraph();

        var act = () => new Annotation(paragraph, "staff-1", "Note", new TextQuoteSelector("win-win", null, null), Examples.Now);

        act.Should().Throw<DomainException>().WithMessage("*do not occur*");
    }

    [Fact]
    public void A_quote_on_a_paragraph_whose_text_is_not_imported_is_accepted()
    {
        var paragraph = _version.AddParagraph(ParagraphKind.Operative, 3, null, TextSource.NotImported);

        var annotation = new Annotation(paragraph, "staff-1", "Note", new TextQuoteSelector("win-win", null, null), Examples.Now);

        annotation.Selector.Should().NotBeNull();
    }

    [Fact]
    public void An_annotation_is_orphaned_when_its_quote_is_gone_from_the_text()
    {
        var annotation = new Annotation(Paragraph(), "staff-1", "Note",
            new TextQuoteSelector("mutually beneficial cooperation", null, null), Examples.Now);

        annotation.IsOrphanedIn("Stressing that cooperation should be promoted,").Should().BeTrue();
    }

    [Fact]
    public void An_annotation_on_the_whole_paragraph_is_never_orphaned()
    {
        var annotation = new Annotation(Paragraph(), "staff-1", "Note", null, Examples.Now);

        annotation.IsOrphanedIn("Entirely new text").Should().BeFalse();
    }

    [Fact]
    public void An_annotation_needs_a_body()
    {
        var act = () => new Annotation(Paragraph(), "staff-1", "  ", null, Examples.Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_reply_joins_the_thread()
    {
        var paragraph = Paragraph();
        var thread = new Annotation(paragraph, "staff-1", "Note", null, Examples.Now);

        var reply = new Annotation(paragraph, "lead-1", "Agreed", null, Examples.Now, replyTo: thread);

        reply.Parent.Should().BeSameAs(thread);
    }

    [Fact]
    public void A_reply_on_another_paragraph_than_its_thread_is_refused()
    {
        var thread = new Annotation(Paragraph(11), "staff-1", "Note", null, Examples.Now);
        var other = Paragraph(12, "Another paragraph text,");

        var act = () => new Annotation(other, "lead-1", "Agreed", null, Examples.Now, replyTo: thread);

        act.Should().Throw<DomainException>().WithMessage("*same paragraph*");
    }

    [Fact]
    public void A_reply_to_a_reply_is_refused()
    {
        var paragraph = Paragraph();
        var thread = new Annotation(paragraph, "staff-1", "Note", null, Examples.Now);
        var reply = new Annotation(paragraph, "lead-1", "Agreed", null, Examples.Now, replyTo: thread);

        var act = () => new Annotation(paragraph, "staff-1", "Thanks", null, Examples.Now, replyTo: reply);

        act.Should().Throw<DomainException>().WithMessage("*first note*");
    }

    [Fact]
    public void A_reply_does_not_quote_the_paragraph()
    {
        var paragraph = Paragraph();
        var thread = new Annotation(paragraph, "staff-1", "Note", null, Examples.Now);

        var act = () => new Annotation(paragraph, "lead-1", "Agreed", new TextQuoteSelector("Stressing", null, null), Examples.Now, replyTo: thread);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Resolving_a_thread_records_who_and_when()
    {
        var thread = new Annotation(Paragraph(), "staff-1", "Note", null, Examples.Now);

        thread.Resolve("lead-1", Examples.Now.AddHours(1));

        thread.IsResolved.Should().BeTrue();
        thread.ResolvedBy.Should().Be("lead-1");
        thread.ResolvedAt.Should().Be(Examples.Now.AddHours(1));
    }

    [Fact]
    public void Resolving_a_thread_twice_is_refused()
    {
        var thread = new Annotation(Paragraph(), "staff-1", "Note", null, Examples.Now);
        thread.Resolve("lead-1", Examples.Now);

        var act = () => thread.Resolve("lead-1", Examples.Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void Resolving_a_reply_is_refused()
    {
        var paragraph = Paragraph();
        var thread = new Annotation(paragraph, "staff-1", "Note", null, Examples.Now);
        var reply = new Annotation(paragraph, "lead-1", "Agreed", null, Examples.Now, replyTo: thread);

        var act = () => reply.Resolve("lead-1", Examples.Now);

        act.Should().Throw<DomainException>();
        reply.IsResolved.Should().BeFalse();
    }

    [Fact]
    public void A_note_follows_its_paragraph_and_is_flagged_until_confirmed()
    {
        var paragraph = Paragraph();
        var note = new Annotation(paragraph, "staff-1", "Watch this", null, Examples.Now);
        var rev1 = Examples.L31().AddVersion("Rev.1", VersionKind.Revision, null, TextCompleteness.Complete);
        var next = rev1.AddParagraph(ParagraphKind.Preambular, 11, "Stressing that cooperation should be promoted,", TextSource.Imported, paragraph.StableId);

        note.FollowParagraph(next);

        note.Paragraph.Should().BeSameAs(next);
        note.TextChangedIn(next.Text).Should().BeTrue();
        note.ConfirmText("lead-1", Examples.Now);
        note.TextChangedIn(next.Text).Should().BeFalse();
    }

    [Fact]
    public void A_note_does_not_follow_another_paragraph()
    {
        var note = new Annotation(Paragraph(11), "staff-1", "Watch this", null, Examples.Now);
        var other = Paragraph(12, "Another paragraph,");

        var act = () => note.FollowParagraph(other);

        act.Should().Throw<DomainException>();
    }
}
