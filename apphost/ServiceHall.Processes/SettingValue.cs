using System.Text.RegularExpressions;

namespace ServiceHall.Processes;

/// <summary>
/// The placeholders a <see cref="Setting"/>'s value may hold, resolved by whoever starts the processes:
/// <c>{address:&lt;process&gt;}</c> is that process's address (locally http://localhost:&lt;port&gt; or the tests' free
/// port; in Kubernetes http://&lt;process&gt;:&lt;cluster port&gt;, its Service), <c>{data}</c> the local data folder.
/// A Kubernetes value <c>configMap:&lt;name&gt;/&lt;key&gt;</c> or <c>secret:&lt;name&gt;/&lt;key&gt;</c> comes from that
/// config map or secret (secrets are created outside the repository, docs/architecture.md section 9).
/// </summary>
public static partial class SettingValue
{
    public const string DataFolder = "{data}";
    /// <summary>The local bus's shared secret, made afresh for each run of the hall (search refuses events without it).</summary>
    public const string BusToken = "{bus-token}";
    public const string ConfigMapPrefix = "configMap:";
    public const string SecretPrefix = "secret:";

    public static string Address(string process) => "{address:" + process + "}";

    public static string ConfigMap(string name, string key) => $"{ConfigMapPrefix}{name}/{key}";

    public static string Secret(string name, string key) => $"{SecretPrefix}{name}/{key}";

    /// <summary>The processes whose addresses a value names.</summary>
    public static IEnumerable<string> Addresses(string? value) =>
        value is null ? [] : AddressPattern().Matches(value).Select(m => m.Groups[1].Value);

    /// <summary>The value with every placeholder replaced: addresses by <paramref name="address"/>, {data} by the folder, {bus-token} by the run's secret.</summary>
    public static string Resolve(string value, Func<string, string> address, string dataFolder, string busToken) =>
        AddressPattern().Replace(value, m => address(m.Groups[1].Value)).Replace(DataFolder, dataFolder).Replace(BusToken, busToken);

    /// <summary>A fresh secret for <see cref="BusToken"/>.</summary>
    public static string NewBusToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex(@"\{address:([a-z]+)\}")]
    private static partial Regex AddressPattern();
}
