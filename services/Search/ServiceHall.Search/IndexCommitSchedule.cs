namespace ServiceHall.Search;

/// <summary>
/// Commits the index every few seconds when it changed, and closes it when the host stops. Searches see changes
/// earlier (near-real-time); a commit only makes them survive a crash. A crash loses at most one interval, after
/// the committed high-water marks, which the catch-up on the next start asks the sources for again.
/// </summary>
sealed class IndexCommitSchedule(PublicIndex index, IConfiguration configuration, ILogger<IndexCommitSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Search:CommitInterval", TimeSpan.FromSeconds(5)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    index.CommitIfChanged();
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    logger.LogError(ex, "Committing the search index failed; the next tick tries again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync makes the last commit.
        }
    }

    /// <summary>
    /// Closing here rather than only at disposal: whoever stops the host awaits this, while singletons may be
    /// disposed later on another thread. A restarted process (or a test's next host) then finds the folder unlocked.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        index.Dispose();
    }
}
