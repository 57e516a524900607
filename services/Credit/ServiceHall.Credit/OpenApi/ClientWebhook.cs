namespace ServiceHall.Credit.OpenApi;

/// <summary>Where a client's changes are POSTed, and the secret their signature is made with.</summary>
public sealed class ClientWebhook
{
    public required string ClientId { get; init; }
    public required string Url { get; set; }
    /// <summary>Kept readable: every delivery is signed with it (HMAC-SHA256). Replaced by every SetWebhook.</summary>
    public required string SigningSecret { get; set; }
    public DateTime UpdatedAt { get; set; }
}
