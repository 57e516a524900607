using Grpc.Core;
using Grpc.Net.Client;
using Polly;
using Polly.Retry;
using ServiceHall.Common.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Search;

/// <summary>
/// On start, asks every source for what the index may lack and applies it, while searches keep being answered:
/// the whole log when the index was missing or damaged (a rebuild: responses say "rebuilding" until done), else
/// the changes after the committed high-water mark. A kill -9 loses at most the changes acknowledged since the
/// last commit; they are after the mark, so this brings them back. The catch-up starts a margin below the mark,
/// because sequences become visible at commit, not in number order, on PostgreSQL.
/// </summary>
sealed class IndexCatchUp(PublicIndex index, TitleBook titles, IndexStatus status, IConfiguration configuration, ILogger<IndexCatchUp> logger) : BackgroundService
{
    public const long Margin = 1000;
    static readonly TimeSpan ExportDeadline = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sources = IndexEvents.Sources.Where(s => configuration[$"services:{s}:http:0"] is { Length: > 0 }).ToList();
        if (sources.Count == 0)
        {
            logger.LogInformation("No source addresses configured (services:<name>:http:0); the index is fed by events only");
            return;
        }
        var full = index.Found != PublicIndex.IndexFound.Intact;
        status.Rebuilding = full;
        status.CatchingUp = !full;
        try
        {
            await Task.WhenAll(sources.Select(source => CatchUpAsync(source, full, stoppingToken)));
            index.CommitIfChanged();
            // "ready" must mean what it says: every caught-up change searchable, and the title book (pinyin, typo
            // correction, suggestions) read from that index, not from the half-built one of a second ago.
            if (!index.WaitUntilAllSearchable(TimeSpan.FromSeconds(30)))
            {
                logger.LogWarning("The caught-up changes were not all searchable after 30 s; saying ready anyway");
            }
            titles.Refresh();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            status.Rebuilding = false;
            status.CatchingUp = false;
        }
    }

    async Task CatchUpAsync(string source, bool full, CancellationToken cancellationToken)
    {
        // Sources may start after search, or restart meanwhile: keep asking, with growing pauses, until one answers.
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
                .Handle<HttpRequestException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(10),
            UseJitter = true,
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "Catching up from {Source} failed (attempt {Attempt}); trying again", source, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        }).Build();

        using var channel = GrpcChannel.ForAddress(ServiceClients.AddressOf(configuration, source));
        var client = new PublicExport.PublicExportClient(channel);
        var from = full ? 0 : Math.Max(0, index.HighWaterMark(source) - Margin);
        var progress = from;
        var applied = 0;
        await pipeline.ExecuteAsync(async ct =>
        {
            using var call = client.Export(new ExportRequest { AfterSequence = progress }, deadline: DateTime.UtcNow + ExportDeadline, cancellationToken: ct);
            await foreach (var exported in call.ResponseStream.ReadAllAsync(ct))
            {
                if (IndexEvents.Topics.FirstOrDefault(t => t.Name == exported.Topic) is { } topic)
                {
                    var (errors, change) = topic.Read(exported.PayloadJson);
                    if (change is not null)
                    {
                        applied += index.Apply(change, waitUntilVisible: false) ? 1 : 0;
                    }
                    else
                    {
                        logger.LogWarning("Event {Sequence} of {Source} cannot be indexed: {Problems}", exported.Sequence, source, string.Join("; ", errors.Problems));
                    }
                }
                index.RecordMark(source, exported.Sequence);
                progress = exported.Sequence;
            }
        }, cancellationToken);
        logger.LogInformation("{Kind} from {Source}: events after {From} read, {Applied} changed the index, high-water mark now {Mark}",
            full ? "Rebuilt" : "Caught up", source, from, applied, index.HighWaterMark(source));
    }
}
