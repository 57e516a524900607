using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceHall.Blobs;

public static class BlobRegistration
{
    /// <summary>
    /// The service's blob store: the folder Blobs:Folder, else "&lt;service&gt;-files" in the data folder (Data:Folder,
    /// where the service's SQLite file lives too, so one volume keeps both; the same default as the database's).
    /// </summary>
    public static IHostApplicationBuilder AddBlobStore(this IHostApplicationBuilder builder, string serviceName)
    {
        var folder = FolderFor(builder.Configuration, serviceName);
        builder.Services.AddSingleton<IBlobStore>(_ => new FolderBlobStore(folder));
        return builder;
    }

    public static string FolderFor(IConfiguration configuration, string serviceName) =>
        configuration["Blobs:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Data:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "data"), serviceName + "-files");
}
