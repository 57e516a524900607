namespace ServiceHall.Credit.OpenApi;

/// <summary>
/// The configuration section "Credit:OpenApi": the default daily quota and rate per client, overrides per client id
/// (Credit:OpenApi:Clients:&lt;client id&gt;:DailyQuota), and how webhooks are delivered.
/// </summary>
public sealed class OpenApiSettings
{
    public const string Section = "Credit:OpenApi";

    /// <summary>Lookups one client may make per county day (reset at the county's midnight, UTC+8).</summary>
    public int DailyQuota { get; set; } = 1000;

    /// <summary>Lookups one client may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    public Dictionary<string, ClientLimits> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts of one webhook delivery before it goes to the client's dead-letter list.</summary>
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; each later one waits twice as long as the one before.</summary>
    public TimeSpan WebhookFirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take, and so how long a replica holds the delivery it attempts.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the delivery sweep looks for due deliveries.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Plain-http webhook URLs on loopback (127.0.0.1, ::1, localhost) are allowed: for a local hall and its tests.
    /// Otherwise a webhook must be https.
    /// </summary>
    public bool AllowLoopbackHttpWebhooks { get; set; }

    public int DailyQuotaOf(string clientId) => Clients.TryGetValue(clientId, out var limits) && limits.DailyQuota is { } quota ? quota : DailyQuota;

    public int RequestsPerMinuteOf(string clientId) => Clients.TryGetValue(clientId, out var limits) && limits.RequestsPerMinute is { } rate ? rate : RequestsPerMinute;

    public void Validate()
    {
        if (DailyQuota < 0 || RequestsPerMinute < 0 || Clients.Values.Any(c => c.DailyQuota < 0 || c.RequestsPerMinute < 0))
        {
            throw new InvalidOperationException($"{Section}: quotas and rates must not be negative");
        }
        if (WebhookMaxAttempts < 1 || WebhookFirstRetry <= TimeSpan.Zero || WebhookTimeout <= TimeSpan.Zero || DeliveryInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: WebhookMaxAttempts must be at least 1, and the webhook times and DeliveryInterval positive");
        }
    }
}

/// <summary>One client's overrides; what is left out takes the default.</summary>
public sealed class ClientLimits
{
    public int? DailyQuota { get; set; }
    public int? RequestsPerMinute { get; set; }
}
