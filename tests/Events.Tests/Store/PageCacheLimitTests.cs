using GoWatch.Events.Store.LiteDb;

namespace GoWatch.Events.Tests.Store;

/// <summary>
/// The daemon bounds LiteDB's page cache through LiteDB's own segment sizes: this LiteDB must
/// still have them, or the bound silently stops holding.
/// </summary>
public sealed class PageCacheLimitTests
{
    [Fact]
    public void Every_page_cache_segment_is_capped_once_the_limit_is_applied()
    {
        Assert.True(PageCacheLimit.Apply());

        var sizes = PageCacheLimit.Current();
        Assert.NotNull(sizes);
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.InRange(s, 1, PageCacheLimit.SegmentPages));
        // The small first segments stay as LiteDB has them.
        Assert.Equal(12, sizes[0]);
    }
}
