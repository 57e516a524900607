using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceHall.Blobs;

namespace ServiceHall.Applications.Tests;

/// <summary>The embedded folder store: whole files or none, keys that cannot leave the folder; the store chosen by configuration.</summary>
public sealed class BlobStoreTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "servicehall-blobs-" + Guid.NewGuid().ToString("N"));

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_put_answers_size_and_sha256_and_the_file_reads_back_replaces_and_deletes()
    {
        var store = new FolderBlobStore(folder);
        byte[] content = [1, 2, 3, 4, 5];

        var stored = await store.PutAsync("materials/abc", new MemoryStream(content), Cancel);

        Assert.Equal(("materials/abc", 5L, Convert.ToHexStringLower(SHA256.HashData(content))), (stored.Key, stored.Size, stored.Sha256));
        Assert.True(await store.ExistsAsync("materials/abc", Cancel));
        await using (var read = await store.OpenReadAsync("materials/abc", Cancel))
        {
            using var copy = new MemoryStream();
            await read!.CopyToAsync(copy, Cancel);
            Assert.Equal(content, copy.ToArray());
        }
        await store.PutAsync("materials/abc", new MemoryStream([9]), Cancel);
        Assert.Equal([9], await File.ReadAllBytesAsync(Path.Combine(folder, "materials", "abc"), Cancel));

        await store.DeleteAsync("materials/abc", Cancel);
        await store.DeleteAsync("materials/abc", Cancel); // twice is no error
        Assert.False(await store.ExistsAsync("materials/abc", Cancel));
        Assert.Null(await store.OpenReadAsync("materials/abc", Cancel));
    }

    sealed class BreakingStream(int after) : MemoryStream(new byte[after * 2])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= after ? throw new IOException("the upload broke off") : base.ReadAsync(buffer[..Math.Min(buffer.Length, after)], cancellationToken);
    }

    [Fact]
    public async Task A_write_that_breaks_off_leaves_nothing_under_the_key_and_no_temporary_file()
    {
        var store = new FolderBlobStore(folder);
        await store.PutAsync("materials/kept", new MemoryStream([7, 7]), Cancel);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("materials/broken", new BreakingStream(100), Cancel));
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("materials/kept", new BreakingStream(100), Cancel));

        Assert.False(await store.ExistsAsync("materials/broken", Cancel));
        Assert.Equal([7, 7], await File.ReadAllBytesAsync(Path.Combine(folder, "materials", "kept"), Cancel)); // the old file stands whole
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder, ".incoming")));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("materials/../../x")]
    [InlineData("Materials/Upper")]
    [InlineData("")]
    public async Task A_key_that_could_reach_outside_the_folder_is_refused(string key)
    {
        var store = new FolderBlobStore(folder);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), Cancel));
    }

    [Fact]
    public void Configuration_chooses_the_store_the_folder_by_default_and_s3_when_asked()
    {
        Assert.IsType<FolderBlobStore>(StoreFor(new() { ["Data:Folder"] = folder }));
        // Constructing the client makes no call: nothing here needs a server (the S3 store itself is untested here).
        Assert.IsType<S3BlobStore>(StoreFor(new()
        {
            ["Blobs:Store"] = "s3", ["Blobs:S3:ServiceUrl"] = "http://127.0.0.1:9", ["Blobs:S3:Bucket"] = "materials",
            ["Blobs:S3:AccessKey"] = "test", ["Blobs:S3:SecretKey"] = "test",
        }));
        var missing = Assert.Throws<InvalidOperationException>(() => StoreFor(new() { ["Blobs:Store"] = "s3", ["Blobs:S3:ServiceUrl"] = "http://127.0.0.1:9" }));
        Assert.Contains("Blobs:S3:Bucket", missing.Message);
    }

    static IBlobStore StoreFor(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBlobStore("applications");
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IBlobStore>();
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
