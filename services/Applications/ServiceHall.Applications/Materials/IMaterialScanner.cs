using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Materials;

/// <summary>What a scanner decided: accepted, or rejected with the reason the uploader reads.</summary>
public sealed record ScanVerdict(bool Accepted, string Reason)
{
    public static readonly ScanVerdict Clean = new(true, "");

    public static ScanVerdict Rejected(string reason) => new(false, reason);
}

/// <summary>
/// A hook to look into a file before the hall accepts it (a virus scanner, a check of the county's own). It runs
/// after the content check and before anything is stored, so a rejected file leaves nothing behind. A deployment
/// registers its own; the default accepts everything.
/// </summary>
public interface IMaterialScanner
{
    Task<ScanVerdict> ScanAsync(string fileName, MaterialKind kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

public sealed class AcceptingScanner : IMaterialScanner
{
    public Task<ScanVerdict> ScanAsync(string fileName, MaterialKind kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(ScanVerdict.Clean);
}
