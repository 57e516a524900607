using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceHall.Search.V1;

namespace ServiceHall.Portal.Tests;

public sealed class MarkedSnippetTests
{
    static string Render(string snippet, params (int Start, int Length)[] marks) =>
        string.Concat(MarkedSnippet.Cut(snippet, marks.Select(m => new Highlight { Start = m.Start, Length = m.Length }))
            .Select(p => p.Marked ? $"[{p.Text}]" : p.Text));

    [Fact]
    public void Offsets_count_UTF16_units_so_a_character_outside_the_BMP_counts_two() =>
        Assert.Equal("𠀾𠀾[身份证]补领", Render("𠀾𠀾身份证补领", (4, 3)));

    [Fact]
    public void A_highlight_at_the_end_and_one_past_it() =>
        Assert.Equal("补领[身份证]", Render("补领身份证", (2, 3), (5, 2), (99, 1)));

    [Fact]
    public void A_highlight_never_splits_a_surrogate_pair() =>
        Assert.Equal("a[𠀾]b", Render("a𠀾b", (2, 1)));

    [Fact]
    public void Overlapping_and_unordered_highlights_mark_each_character_once() =>
        Assert.Equal("[居民身份]证[申领]", Render("居民身份证申领", (5, 2), (0, 3), (2, 2)));

    [Fact]
    public void Markup_in_a_snippet_is_text_not_html()
    {
        using var writer = new StringWriter();
        MarkedSnippet.Html("<b>身份证</b>", [new Highlight { Start = 3, Length = 3 }]).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));

        Assert.Equal("&lt;b&gt;<mark>身份证</mark>&lt;/b&gt;", writer.ToString());
    }
}

public sealed class PortalDatesTests
{
    static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(PortalText));

    [Theory]
    [InlineData(2026, 12, 2, "2026年12月2日（星期三）")]
    [InlineData(2026, 10, 1, "2026年10月1日（星期四）")]
    [InlineData(2027, 1, 3, "2027年1月3日（星期日）")]
    public void Dates_read_the_Chinese_way_with_the_weekday(int year, int month, int day, string expected)
    {
        using var culture = new CultureScope("zh-CN");
        Assert.Equal(expected, PortalDates.Long(Text, new DateOnly(year, month, day)));
    }

    [Fact]
    public void A_moment_falls_on_the_countys_day()
    {
        // 17:30 UTC is 01:30 the next morning in China.
        Assert.Equal(new DateOnly(2026, 12, 3), PortalDates.Day(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2026, 12, 2, 17, 30, 0, DateTimeKind.Utc))));
    }

    sealed class CultureScope : IDisposable
    {
        readonly System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentUICulture;

        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(name);

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = before;
    }
}

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/items/abc?x=1", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_of_this_site_are_gone_back_to(string? url, bool local) => Assert.Equal(local, LocalUrl.IsLocal(url));
}
