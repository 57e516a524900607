namespace ServiceHall.Blobs;

/// <summary>What a put stored: the key it is under, its length and its SHA-256 (lower-case hex).</summary>
public sealed record StoredBlob(string Key, long Size, string Sha256);

/// <summary>
/// Files kept by key. The database says what a file is and whose; the store only keeps its bytes. A put is whole or
/// absent: a reader never finds half a file under a key.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under the key (replacing what was there) and answers its size and SHA-256.</summary>
    Task<StoredBlob> PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes for reading, or null when nothing is under the key. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes what is under the key; nothing there is no error (a sweep may run twice).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);
}
