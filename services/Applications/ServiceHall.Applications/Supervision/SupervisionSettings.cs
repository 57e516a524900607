using System.Globalization;

namespace ServiceHall.Applications.Supervision;

/// <summary>
/// How 电子监察 is set up (Applications:Supervision): the share of the promised time after which a case gets its
/// 黄牌 (one province warns at 90%, the hall's default is 80%), how often the sweep looks, and how many cases it
/// reads at once (so 100,000 open cases never sit in memory together).
/// </summary>
public sealed record SupervisionSettings(decimal YellowShare, TimeSpan SweepInterval, int BatchSize)
{
    public const string Section = "Applications:Supervision";

    public static SupervisionSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var share = decimal.TryParse(section["YellowShare"] ?? "0.8", NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{Section}:YellowShare “{section["YellowShare"]}” is not a number (e.g. 0.8)");
        if (share is <= 0 or > 1)
        {
            // A share of 0 would warn every case on acceptance, more than 1 only after the red card: both are mistakes.
            throw new InvalidOperationException($"{Section}:YellowShare must be more than 0 and at most 1, not {share}");
        }
        var interval = section.GetValue("SweepInterval", TimeSpan.FromMinutes(15));
        return new(share, interval > TimeSpan.Zero ? interval : TimeSpan.FromMinutes(15), Math.Clamp(section.GetValue("BatchSize", 1000), 10, 10_000));
    }
}
