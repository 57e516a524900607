using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceHall.Blobs;

public static class BlobRegistration
{
    /// <summary>
    /// The service's blob store. Blobs:Store "s3" keeps files in an S3-compatible bucket (Blobs:S3:ServiceUrl, Bucket,
    /// AccessKey, SecretKey, Region, ForcePathStyle, Prefix); otherwise (the default, "folder") in the folder
    /// Blobs:Folder, else "&lt;service&gt;-files" in the data folder (Data:Folder, where the service's SQLite file lives
    /// too, so one volume keeps both; the same default as the database's).
    /// </summary>
    public static IHostApplicationBuilder AddBlobStore(this IHostApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        if (string.Equals(configuration["Blobs:Store"], "s3", StringComparison.OrdinalIgnoreCase))
        {
            var settings = S3SettingsFrom(configuration);
            builder.Services.AddSingleton<IBlobStore>(_ => S3BlobStore.From(settings));
            return builder;
        }
        var folder = FolderFor(configuration, serviceName);
        builder.Services.AddSingleton<IBlobStore>(_ => new FolderBlobStore(folder));
        return builder;
    }

    public static string FolderFor(IConfiguration configuration, string serviceName) =>
        configuration["Blobs:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Data:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "data"), serviceName + "-files");

    /// <summary>Refuses to start with a half-configured store rather than fail at the first upload.</summary>
    static S3Settings S3SettingsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Blobs:S3");
        string Required(string name) => section[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Blobs:Store is s3 but Blobs:S3:{name} is not set");
        return new S3Settings(Required("ServiceUrl"), Required("Bucket"), Required("AccessKey"), Required("SecretKey"),
            section["Region"] is { Length: > 0 } region ? region : "us-east-1", section.GetValue("ForcePathStyle", true), section["Prefix"] ?? "");
    }
}
