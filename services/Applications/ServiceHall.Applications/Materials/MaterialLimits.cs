namespace ServiceHall.Applications.Materials;

/// <summary>
/// The sizes and ages of materials, from Applications:Materials (MaxFileBytes, MaxCaseBytes, UnattachedFor,
/// SweepInterval). A case's total counts the files it holds now (not those a 补正 replaced).
/// </summary>
public sealed record MaterialLimits(long MaxFileBytes, long MaxCaseBytes, TimeSpan UnattachedFor, TimeSpan SweepInterval)
{
    public const string Section = "Applications:Materials";
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;
    public const long DefaultMaxCaseBytes = 50 * 1024 * 1024;

    public static MaterialLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new MaterialLimits(
            Math.Max(1, section.GetValue("MaxFileBytes", DefaultMaxFileBytes)),
            Math.Max(1, section.GetValue("MaxCaseBytes", DefaultMaxCaseBytes)),
            section.GetValue("UnattachedFor", TimeSpan.FromHours(24)),
            section.GetValue("SweepInterval", TimeSpan.FromHours(1)));
    }

    /// <summary>
    /// The largest gRPC message the service takes: a whole file in JSON is base64 (4/3 larger) and transcoding
    /// counts it so, plus room for the rest of the request. A file over the limit but inside this still gets our
    /// own refusal naming the limit; only far larger ones meet gRPC's ResourceExhausted.
    /// </summary>
    public int MaxMessageBytes => (int)Math.Min(int.MaxValue, MaxFileBytes / 3 * 4 + 1024 * 1024);

    /// <summary>A size for people: 10 MiB reads "10MB".</summary>
    public static string Words(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)}MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#}MB",
        >= 1024 => $"{bytes / 1024.0:0.#}KB",
        _ => $"{bytes}字节",
    };
}
