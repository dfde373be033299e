using System.Security.Cryptography;
using System.Text;
using GoWatch.Platform.Security;

namespace GoWatch.Platform.Locations;

/// <summary>
/// Where the daemon's socket lives. A Unix socket path has a hard limit (sun_path: 104 bytes
/// with the NUL on macOS, 108 on Linux); a data dir deep enough to pass it gets a short socket
/// path instead, in <c>$XDG_RUNTIME_DIR</c> or in a private <c>/tmp/gowatch-UID</c>, named after
/// the data dir so two data dirs never share one. Daemon and CLI compute it the same way.
/// </summary>
public static class SocketLocation
{
    public const string FileName = "gowatchd.sock";

    /// <summary>The longest socket path in bytes, without the terminating NUL.</summary>
    public static int MaxBytes(PlatformKind platform) => platform == PlatformKind.MacOS ? 103 : 107;

    public static string For(string dataDir, PlatformKind platform, string? runtimeDir)
    {
        var inDataDir = Path.Combine(dataDir, FileName);
        if (Fits(inDataDir, platform))
        {
            return inDataDir;
        }
        var name = $"gowatchd-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDir)))[..16]}.sock";
        if (platform == PlatformKind.Linux && !string.IsNullOrEmpty(runtimeDir) && Path.IsPathFullyQualified(runtimeDir) && Fits(Path.Combine(runtimeDir, name), platform))
        {
            return Path.Combine(runtimeDir, name);
        }
        return Path.Combine(ShortDirectory, name);
    }

    /// <summary>True when the socket is not in the data dir (its directory must then be made private first).</summary>
    public static bool IsFallback(string socketPath, string dataDir) => !string.Equals(Path.GetDirectoryName(socketPath), dataDir.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The private directory for short socket paths: <c>/tmp/gowatch-UID</c>.</summary>
    public static string ShortDirectory => Path.Combine("/tmp", $"gowatch-{UserIdentity.EffectiveUserId}");

    public static bool Fits(string path, PlatformKind platform) => Encoding.UTF8.GetByteCount(path) <= MaxBytes(platform);

    /// <summary>
    /// Makes sure the directory of a fallback socket is ours alone: created 0700 if missing, and
    /// refused if it is a symlink or belongs to someone else (it is in a shared /tmp).
    /// </summary>
    /// <exception cref="IOException">the directory cannot be used safely.</exception>
    public static void PrepareDirectory(string socketPath)
    {
        var dir = Path.GetDirectoryName(socketPath)!;
        if (dir != ShortDirectory)
        {
            return; // $XDG_RUNTIME_DIR is private to the user by definition.
        }
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var info = new DirectoryInfo(dir);
        if (info.LinkTarget is not null)
        {
            throw new IOException($"{dir} is a symlink; the daemon's socket is not put there.");
        }
        // Only the owner may change a directory's mode: doing so both proves it is ours and closes it to others.
        try
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"{dir} belongs to another user; the daemon's socket is not put there.");
        }
    }
}
