using Microsoft.Extensions.DependencyInjection;
using ServiceHall.Testing;

namespace ServiceHall.Identity.Tests;

/// <summary>
/// Refusals reach the audit trail from a background writer (RefusalSummaries), a moment after the answer: the
/// records once every expected one is there, or after ten seconds whatever is there (and the test's asserts fail).
/// </summary>
public static class AuditRecords
{
    public static async Task<IReadOnlyList<AuditRecord>> WhenPresentAsync(this ServiceHost<Program> host, params Func<AuditRecord, bool>[] expected)
    {
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var records = await audit.RecentAsync(1000, TestContext.Current.CancellationToken);
            if (expected.All(e => records.Any(e)) || DateTime.UtcNow > deadline)
            {
                return records;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
