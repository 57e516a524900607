using System.Security.Cryptography;

namespace ServiceHall.Blobs;

/// <summary>
/// The embedded store: one file per key under a folder. A put writes a temporary file in the store's own
/// ".incoming" folder (the same volume) and renames it into place, so a crash mid-write leaves at most a stray
/// temporary file, never half a file under a key. Temporary files older than a day are removed at start.
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    const string Incoming = ".incoming";
    readonly string root;

    public FolderBlobStore(string folder)
    {
        root = Path.GetFullPath(folder);
        Directory.CreateDirectory(Path.Combine(root, Incoming));
        foreach (var stray in new DirectoryInfo(Path.Combine(root, Incoming)).EnumerateFiles())
        {
            if (stray.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
            {
                stray.Delete();
            }
        }
    }

    public string Folder => root;

    public async Task<StoredBlob> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var target = PathOf(key);
        var temporary = Path.Combine(root, Incoming, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }
                // On disk before the rename makes it visible: a power cut must not leave an empty file under the key.
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target, overwrite: true);
            return new StoredBlob(key, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            File.Delete(temporary);  // gone already after the move; what a failed write left otherwise
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(key)));

    string PathOf(string key) => Path.Combine(root, BlobKey.Checked(key).Replace('/', Path.DirectorySeparatorChar));
}
