using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>The catalog in-process over gRPC, against SQLite and PostgreSQL alike.</summary>
public sealed class CatalogServiceTests
{
    public static TheoryData<string> Databases => Testing.Databases.Both;

    static ItemGuide CompleteGuide(string code) => new()
    {
        Code = code,
        Name = "居民身份证申领",
        Department = "县公安局",
        ItemType = "行政确认",
        Conditions = "具有本县常住户口的中国公民",
        StatutoryLimitDays = 20,
        PromisedLimitDays = 15,
        Place = "县政务服务中心一楼",
        ContactPhone = "0578-8123110",
        ComplaintPhone = "0578-8123111",
        Materials = { new Material { Name = "居民户口簿", Required = true, Copies = 1 } },
        Fees = { new Fee { Name = "工本费", Standard = "20元", Basis = "《居民身份证法》第二十条" } },
    };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Create_publish_and_list_by_department(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = new V1.CatalogService.CatalogServiceClient(host.Channel);

        var created = await catalog.CreateItemAsync(new CreateItemRequest { Guide = CompleteGuide("A-1") }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("draft", created.Status);
        Assert.Empty((await catalog.ListItemsAsync(new ListItemsRequest { Department = "县公安局" })).Items);

        var published = await catalog.PublishItemAsync(new PublishItemRequest { Id = created.Id });
        Assert.Equal("published", published.Status);
        Assert.True(published.Version > created.Version);

        var listed = await catalog.ListItemsAsync(new ListItemsRequest { Department = "县公安局" });
        Assert.Equal(created.Id, Assert.Single(listed.Items).Id);
        Assert.Equal("", listed.NextPageToken);
        Assert.Empty((await catalog.ListItemsAsync(new ListItemsRequest { Department = "县民政局" })).Items);

        // The change and its event were written in one transaction.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        var events = await db.Set<OutboxMessage>().Where(m => m.Topic == Topics.CatalogItemChanged).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(events, e => e.Payload.Contains(created.Id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Bad_guides_are_refused_with_every_field_named_and_nothing_saved(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = new V1.CatalogService.CatalogServiceClient(host.Channel);
        var guide = CompleteGuide("B-1");
        guide.Name = "";
        guide.PromisedLimitDays = 30;
        guide.Fees[0].Basis = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = guide }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("guide.name", error.Status.Detail);
        Assert.Contains("guide.promised_limit_days", error.Status.Detail);
        Assert.Contains("guide.fees[0].basis", error.Status.Detail);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CatalogDb>().Items.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Duplicate_codes_and_unknown_items_are_refused(string database)
    {
        await using var host = new ServiceHost<Program>("catalog", database);
        var catalog = new V1.CatalogService.CatalogServiceClient(host.Channel);
        await catalog.CreateItemAsync(new CreateItemRequest { Guide = CompleteGuide("C-1") });

        var duplicate = await Assert.ThrowsAsync<RpcException>(() => catalog.CreateItemAsync(new CreateItemRequest { Guide = CompleteGuide("C-1") }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);

        var missing = await Assert.ThrowsAsync<RpcException>(() => catalog.GetItemAsync(new GetItemRequest { Id = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_incomplete_guide_cannot_be_published()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var catalog = new V1.CatalogService.CatalogServiceClient(host.Channel);
        var guide = CompleteGuide("D-1");
        guide.ContactPhone = "";
        guide.Materials.Clear();
        var created = await catalog.CreateItemAsync(new CreateItemRequest { Guide = guide });

        var error = await Assert.ThrowsAsync<RpcException>(() => catalog.PublishItemAsync(new PublishItemRequest { Id = created.Id }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("guide.contact_phone", error.Status.Detail);
        Assert.Contains("guide.materials", error.Status.Detail);
    }

    [Fact]
    public async Task Lists_page_with_a_token_until_an_empty_one()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var catalog = new V1.CatalogService.CatalogServiceClient(host.Channel);
        for (var i = 0; i < 5; i++)
        {
            var created = await catalog.CreateItemAsync(new CreateItemRequest { Guide = CompleteGuide($"P-{i}") });
            await catalog.PublishItemAsync(new PublishItemRequest { Id = created.Id });
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await catalog.ListItemsAsync(new ListItemsRequest { PageSize = 2, PageToken = token });
            seen.AddRange(page.Items.Select(i => i.Guide.Code));
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(["P-0", "P-1", "P-2", "P-3", "P-4"], seen);
    }

    [Fact]
    public async Task Json_transcoding_answers_400_with_the_field_for_a_bad_body()
    {
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite);
        var http = host.CreateClient();

        var response = await http.PostAsync("/api/catalog/items",
            new StringContent("""{"code":"E-1","name":"x"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("guide.department", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
