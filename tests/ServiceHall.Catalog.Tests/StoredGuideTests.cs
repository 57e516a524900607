using Google.Protobuf;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog.Tests;

/// <summary>Guides stored before OnlineDepth was an enum hold the level as a number; they read as they did.</summary>
public sealed class StoredGuideTests
{
    [Fact]
    public void A_guide_stored_with_its_online_depth_as_a_number_reads_the_same_and_is_not_a_change()
    {
        var guide = Sample.Guide();
        var stored = JsonFormatter.Default.Format(guide);
        var before = stored.Replace("\"ONLINE_DEPTH_ACCEPTED_ONLINE\"", "3", StringComparison.Ordinal);
        Assert.NotEqual(stored, before);

        var item = new ItemRecord { Id = "i", Code = guide.Code, Status = ItemStatus.Published, DraftJson = stored, PublicJson = before };

        Assert.Equal(OnlineDepth.AcceptedOnline, item.PublicGuide!.OnlineDepth);
        Assert.False(item.DraftAhead);
    }
}
