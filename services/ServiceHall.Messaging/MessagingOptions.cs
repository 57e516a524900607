namespace ServiceHall.Messaging;

public sealed class MessagingOptions
{
    /// <summary>"Dapr" or "Local". Unset: Dapr when a sidecar is configured (DAPR_GRPC_PORT), the local bus otherwise.</summary>
    public string? Mode { get; set; }

    public string PubSubName { get; set; } = "pubsub";

    /// <summary>Base addresses of the services the local bus asks for their subscriptions (/dapr/subscribe).</summary>
    public List<string> Subscribers { get; set; } = [];

    /// <summary>
    /// The secret the local bus shows subscribers (header dapr-api-token), as Dapr shows its app API token; search
    /// takes events only with it outside development.
    /// </summary>
    public string? AppApiToken { get; set; }

    /// <summary>The header Dapr names its app API token in, and the local bus too.</summary>
    public const string AppApiTokenHeader = "dapr-api-token";

    /// <summary>How often the relay looks for pending events when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
