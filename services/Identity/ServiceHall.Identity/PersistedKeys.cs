using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ServiceHall.Identity;

/// <summary>
/// RSA keys kept as PEM files, created on first start, so tokens issued before a restart still validate after it
/// and every replica sharing the data folder signs with the same key. The files hold private keys: they live in
/// the data folder (never in the repository) and are readable by the service's user only.
/// </summary>
public static class PersistedKeys
{
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }
        var rsa = RSA.Create();
        // Another replica may have created the file a moment ago and still be writing it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                rsa.ImportFromPem(File.ReadAllText(path));
                break;
            }
            catch (Exception ex) when (attempt < 10 && ex is ArgumentException or CryptographicException)
            {
                Thread.Sleep(100 * attempt);
            }
        }
        var key = new RsaSecurityKey(rsa);
        // A key id derived from the key itself stays the same across restarts, so a cached JWKS keeps matching.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    static void TryCreate(string path)
    {
        using var fresh = RSA.Create(2048);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(fresh.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another replica created it first; everyone uses that one.
        }
    }
}
