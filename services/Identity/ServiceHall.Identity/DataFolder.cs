namespace ServiceHall.Identity;

/// <summary>The folder the hall keeps its run-time files in (Data:Folder), as ServiceDatabase resolves it.</summary>
public static class DataFolder
{
    public static string Of(IConfiguration configuration)
    {
        var folder = configuration["Data:Folder"] ?? Path.Combine(AppContext.BaseDirectory, "data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
