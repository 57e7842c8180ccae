using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionTracker.Domain;
using ResolutionTracker.IntegrationTests.Fixture;
using ResolutionTracker.Web.Authorization;
using static ResolutionTracker.IntegrationTests.Pages.Desk.Concerns.ConcernKit;

namespace ResolutionTracker.IntegrationTests.Pages.Desk.Concerns;

public sealed class NewTests(AppFactory app) : AppTest(app)
{
    private const string Form = "form.concern-form[method=post]";

    [Fact]
    public async Task Drafting_a_concern_about_two_paragraphs_saves_a_draft_with_both_and_the_quote()
    {
        var world = await App.CreateWorldAsync();
        var (client, user) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form, new Dictionary<string, string[]?>
        {
            ["Input.Heading"] = ["Funding is left to States"],
            ["Input.Summary"] = ["OP 1 asks nothing of donors."],
            ["Input.Body"] = ["The draft **only** calls upon States."],
            ["Input.Severity"] = ["High"],
            ["Input.ParagraphIds"] = [world.Pp2.S(), world.Op1.S()],
            [$"Input.Quotes[{world.Op1}]"] = ["adequate and sustainable funding"],
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var concern = await App.QueryAsync(db => db.Concerns.Include(c => c.Paragraphs).SingleAsync());
        response.Headers.Location!.OriginalString.Should().Be($"/desk/concerns/{concern.Id}");
        concern.State.Should().Be(ConcernState.Draft);
        concern.RevisionNumber.Should().Be(1);
        concern.AuthorId.Should().Be(user.Id);
        concern.Severity.Should().Be(Severity.High);
        concern.Paragraphs.OrderBy(p => p.Position).Select(p => (p.ParagraphId, p.Quote)).Should()
            .Equal((world.Pp2, (string?)null), (world.Op1, "adequate and sustainable funding"));
    }

    [Fact]
    public async Task The_paragraph_named_in_the_address_is_ticked_and_the_latest_version_is_offered()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        var page = await client.GetDocumentAsync($"/desk/concerns/new?resolution={world.ResolutionId}&paragraph={world.Op1}");

        var boxes = page.QuerySelectorAll("input[name='Input.ParagraphIds']").Cast<AngleSharp.Html.Dom.IHtmlInputElement>().ToList();
        boxes.Select(b => b.Value).Should().BeEquivalentTo([world.Pp1.S(), world.Pp2.S(), world.Op1.S()],
            "the latest version's paragraphs are offered, not the earlier version's pp.3");
        boxes.Single(b => b.IsChecked).Value.Should().Be(world.Op1.S());
    }

    [Fact]
    public async Task Without_a_resolution_the_page_asks_which_one()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        var page = await client.GetDocumentAsync("/desk/concerns/new");

        page.QuerySelectorAll("select[name=resolution] option").Select(o => o.GetAttribute("value"))
            .Should().Contain(world.ResolutionId.S()).And.Contain(world.OtherResolutionId.S());
    }

    [Theory]
    [InlineData("?resolution=987654")]
    [InlineData("?resolution=abc")]
    public async Task An_unknown_resolution_gives_404(string query)
    {
        await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        (await client.GetStatusAsync("/desk/concerns/new" + query)).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_paragraph_of_another_resolution_in_the_address_gives_404()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        (await client.GetStatusAsync($"/desk/concerns/new?resolution={world.ResolutionId}&paragraph={world.OtherPp1}"))
            .Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_forged_form_with_a_paragraph_of_another_resolution_is_refused_and_nothing_is_saved()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form, new Dictionary<string, string[]?>
        {
            ["Input.Heading"] = ["Smuggled paragraph"],
            ["Input.ParagraphIds"] = [world.Pp1.S(), world.OtherPp1.S()],
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("only point at paragraphs of its own resolution");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_paragraph_id_that_does_not_exist_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form,
            Set(("Input.Heading", "Ghost paragraph"), ("Input.ParagraphIds", "987654")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("does not exist");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_quote_that_is_not_in_the_paragraph_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form, new Dictionary<string, string[]?>
        {
            ["Input.Heading"] = ["Misquoted"],
            ["Input.ParagraphIds"] = [world.Op1.S()],
            [$"Input.Quotes[{world.Op1}]"] = ["words the paragraph never says"],
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("not in its text");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task An_empty_heading_is_refused_with_a_message()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form, Set(("Input.Heading", "   ")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain("Give the concern a heading");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_heading_one_character_over_the_limit_is_refused_with_a_message()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form,
            Set(("Input.Heading", new string('h', Limits.Heading + 1))));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ParseAsync()).AlertText().Should().Contain($"at most {Limits.Heading} characters");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_severity_that_is_not_in_the_list_is_refused()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form,
            Set(("Input.Heading", "Odd severity"), ("Input.Severity", "42")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_body_with_script_and_javascript_links_is_shown_harmless()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);
        const string body = "Before <script>alert('body')</script> after.\n\n" +
            "[click me](javascript:alert('md'))\n\n" +
            "<a href=\"javascript:alert('html')\">raw link</a> <img src=x onerror=\"alert('img')\">\n\n" +
            "[fine](https://www.ohchr.org/) and A/HRC/RES/37/23.";

        using var response = await client.SubmitAsync($"/desk/concerns/new?resolution={world.ResolutionId}", Form,
            Set(("Input.Heading", "Hostile markup"), ("Input.Body", body)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var detail = await client.GetAsync(response.Headers.Location);
        var html = await detail.Content.ReadAsStringAsync();
        var page = await detail.ParseAsync();
        var rendered = page.QuerySelector(".concern-body")!;
        rendered.QuerySelectorAll("script, img, iframe").Should().BeEmpty();
        rendered.QuerySelectorAll("[onerror], [onclick], [onload]").Should().BeEmpty();
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Trim())
            .Should().NotContain(h => h.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        page.QuerySelectorAll("script").Should().OnlyContain(s => s.HasAttribute("src"), "the page's only scripts are the app's own files");
        // The hostile markup may appear as visible text (encoded), never as a tag.
        html.Should().NotContain("<script>alert").And.NotContain("<img");
        System.Text.RegularExpressions.Regex.IsMatch(html, "<a\\s[^>]*href\\s*=\\s*[\"']?\\s*javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Should().BeFalse();
        rendered.TextContent.Should().Contain("<script>alert('body')</script>", "what the author typed is shown as text");
        rendered.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href"))
            .Should().Contain("https://www.ohchr.org/").And.Contain("https://undocs.org/en/A/HRC/RES/37/23");
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_gives_400_and_saves_nothing()
    {
        var world = await App.CreateWorldAsync();
        var (client, _) = await App.SignedInAsync(Roles.Staff);

        using var response = await client.ForgeAsync($"/desk/concerns/new?resolution={world.ResolutionId}",
            [new("Input.Heading", "No token"), new("Input.Severity", "Low")], withToken: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await App.QueryAsync(db => db.Concerns.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var world = await App.CreateWorldAsync();
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri($"/desk/concerns/new?resolution={world.ResolutionId}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
    }
}
