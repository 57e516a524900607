using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Data;

namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// Posts due changes to the clients' webhooks, signed (X-ServiceHall-Signature: sha256=HMAC-SHA256 of the body with the
/// client's secret) and carrying X-ServiceHall-Event-Id. A failed attempt waits Credit:OpenApi:WebhookFirstRetry,
/// then twice as long each time; after WebhookMaxAttempts the change goes to the client's dead-letter list.
/// Safe with several replicas: a replica first takes a lease on a delivery with a conditional update, and only the
/// replica holding the lease records the outcome. At least once: a replica that dies after the receiver answered
/// but before recording it leaves the lease to expire, and the change is posted again with the same event id.
/// </summary>
public sealed class WebhookSweep(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<OpenApiSettings> settings, TimeProvider clock,
    ILogger<WebhookSweep> logger) : BackgroundService
{
    public const string HttpClientName = "credit-webhooks";
    public const string SignatureHeader = "X-ServiceHall-Signature";
    public const string EventIdHeader = "X-ServiceHall-Event-Id";
    const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.DeliveryInterval, clock);
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The webhook sweep failed; it runs again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Attempts every delivery due now; returns how many the receivers accepted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var accepted = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<ChangeDelivery>().AsNoTracking()
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.LeasedUntil == null || d.LeasedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => new { d.ClientId, d.EventId }).Take(Batch).ToListAsync(cancellationToken);
        foreach (var key in due)
        {
            if (await AttemptAsync(db, key.ClientId, key.EventId, cancellationToken))
            {
                accepted++;
            }
        }
        return accepted;
    }

    /// <summary>The signature a receiver checks: lower-case hex HMAC-SHA256 of the exact body bytes.</summary>
    public static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    async Task<bool> AttemptAsync(CreditDb db, string clientId, string eventId, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now + options.WebhookTimeout * 2;
        var deliveries = db.Set<ChangeDelivery>();
        var taken = await deliveries
            .Where(d => d.ClientId == clientId && d.EventId == eventId && d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.LeasedUntil == null || d.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeasedUntil, lease), cancellationToken);
        if (taken == 0)
        {
            return false;  // another replica took it
        }
        var delivery = await deliveries.AsNoTracking().SingleAsync(d => d.ClientId == clientId && d.EventId == eventId, cancellationToken);
        var webhook = await db.Set<ClientWebhook>().AsNoTracking().SingleOrDefaultAsync(w => w.ClientId == clientId, cancellationToken);
        var attempts = delivery.Attempts + 1;
        string error;
        if (webhook is null)
        {
            // The client removed its webhook meanwhile: the change stays in its feed.
            await RecordAsync(deliveries, delivery, lease, s => s.SetProperty(d => d.NextAttemptAt, (DateTime?)null), cancellationToken);
            return false;
        }
        try
        {
            var body = Encoding.UTF8.GetBytes(delivery.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(EventIdHeader, delivery.EventId);
            request.Headers.Add(SignatureHeader, Signature(webhook.SigningSecret, body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.WebhookTimeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                var delivered = clock.GetUtcNow().UtcDateTime;
                await RecordAsync(deliveries, delivery, lease, s => s
                    .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.DeliveredAt, delivered)
                    .SetProperty(d => d.NextAttemptAt, (DateTime?)null).SetProperty(d => d.LeasedUntil, (DateTime?)null)
                    .SetProperty(d => d.LastError, ""), cancellationToken);
                return true;
            }
            error = $"接收方答复 HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex is OperationCanceledException ? $"接收方 {options.WebhookTimeout.TotalSeconds:0} 秒内未答复" : $"无法连接接收方：{ex.Message}";
        }
        var failedAt = clock.GetUtcNow().UtcDateTime;
        error = error.Length > 500 ? error[..500] : error;
        if (attempts >= options.WebhookMaxAttempts)
        {
            logger.LogWarning("Webhook delivery {EventId} for {ClientId} failed {Attempts} times and is dead-lettered: {Error}", eventId, clientId, attempts, error);
            await RecordAsync(deliveries, delivery, lease, s => s
                .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.DeadAt, failedAt)
                .SetProperty(d => d.NextAttemptAt, (DateTime?)null).SetProperty(d => d.LeasedUntil, (DateTime?)null)
                .SetProperty(d => d.LastError, error), cancellationToken);
        }
        else
        {
            DateTime? next = failedAt + options.WebhookFirstRetry * Math.Pow(2, attempts - 1);
            await RecordAsync(deliveries, delivery, lease, s => s
                .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeasedUntil, (DateTime?)null).SetProperty(d => d.LastError, error), cancellationToken);
        }
        return false;
    }

    /// <summary>Records the outcome only while this replica still holds the lease it took.</summary>
    static Task<int> RecordAsync(DbSet<ChangeDelivery> deliveries, ChangeDelivery delivery, DateTime lease,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ChangeDelivery>> set, CancellationToken cancellationToken) =>
        deliveries.Where(d => d.ClientId == delivery.ClientId && d.EventId == delivery.EventId && d.LeasedUntil == lease)
            .ExecuteUpdateAsync(set, cancellationToken);
}
