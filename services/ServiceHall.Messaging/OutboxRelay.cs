using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace ServiceHall.Messaging;

/// <summary>
/// Publishes the outbox in commit order, at least once: a row is marked published only after the publisher
/// accepted it, so a crash between the two publishes it again (handlers are idempotent on the event id).
/// </summary>
sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IEventPublisher publisher,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = pipelines.GetPipeline(MessagingRegistration.RelayPipeline);
        while (!stoppingToken.IsCancellationRequested)
        {
            var drained = false;
            try
            {
                drained = await RelayBatchAsync(pipeline, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; pending events stay in the outbox");
            }
            if (drained)
            {
                try
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else
            {
                // A publish failed: back off before the next pass instead of spinning.
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <returns>true when every pending event was published, false when one failed.</returns>
    async Task<bool> RelayBatchAsync(ResiliencePipeline pipeline, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        while (true)
        {
            var pending = await db.Set<OutboxMessage>()
                .Where(m => m.PublishedAt == null)
                .OrderBy(m => m.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return true;
            }
            foreach (var message in pending)
            {
                try
                {
                    await pipeline.ExecuteAsync(async ct => await publisher.PublishAsync(message, ct), cancellationToken);
                    message.PublishedAt = DateTime.UtcNow;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    message.Attempts++;
                    logger.LogWarning(ex, "Publishing event {EventId} on {Topic} failed (attempt {Attempts})", message.EventId, message.Topic, message.Attempts);
                    await db.SaveChangesAsync(CancellationToken.None);
                    return false;
                }
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
    }
}
