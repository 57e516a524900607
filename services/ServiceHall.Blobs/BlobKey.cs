using System.Text.RegularExpressions;

namespace ServiceHall.Blobs;

/// <summary>
/// Keys are made by the service, never taken from a caller: lower-case letters, digits, '-' and '_', in segments
/// joined by '/'. Checked anyway, so a mistake can never reach outside the store's folder ("..", absolute paths).
/// </summary>
public static partial class BlobKey
{
    public static string Checked(string key) =>
        Shape().IsMatch(key) ? key : throw new ArgumentException($"“{key}” is not a blob key (a-z, 0-9, '-', '_' in segments joined by '/')", nameof(key));

    [GeneratedRegex("^[a-z0-9_-]{1,100}(/[a-z0-9_-]{1,100}){0,4}$")]
    private static partial Regex Shape();
}
