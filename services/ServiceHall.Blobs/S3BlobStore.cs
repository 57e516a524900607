using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ServiceHall.Blobs;

/// <summary>Where an S3-compatible store is and how to sign in to it (Blobs:S3 in configuration).</summary>
public sealed record S3Settings(string ServiceUrl, string Bucket, string AccessKey, string SecretKey, string Region = "us-east-1", bool ForcePathStyle = true, string Prefix = "");

/// <summary>
/// Files in a bucket of an S3-compatible store, for replicas that share no disk. An object appears whole or not
/// at all (S3 puts are atomic), so nothing is half-written here either. The file is read into memory once to know
/// its size and SHA-256 before it is sent: materials are a few megabytes at most.
/// NOT TESTED against a server in this repository (no S3-compatible server runs in its tests).
/// </summary>
public sealed class S3BlobStore(IAmazonS3 client, string bucket, string prefix = "") : IBlobStore
{
    public static S3BlobStore From(S3Settings settings) => new(
        new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), new AmazonS3Config
        {
            ServiceURL = settings.ServiceUrl,
            AuthenticationRegion = settings.Region,
            // MinIO and most self-hosted stores address buckets by path, not by host name.
            ForcePathStyle = settings.ForcePathStyle,
        }),
        settings.Bucket, settings.Prefix);

    public async Task<StoredBlob> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = ObjectKey(key), InputStream = buffer, AutoCloseStream = false }, cancellationToken);
        return new StoredBlob(key, buffer.Length, sha256);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.GetObjectAsync(bucket, ObjectKey(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>S3 answers a delete of a missing object with success too: deleting twice is no error.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await client.DeleteObjectAsync(bucket, ObjectKey(key), cancellationToken);

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetObjectMetadataAsync(bucket, ObjectKey(key), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    string ObjectKey(string key) => prefix.Length == 0 ? BlobKey.Checked(key) : $"{prefix.TrimEnd('/')}/{BlobKey.Checked(key)}";
}
