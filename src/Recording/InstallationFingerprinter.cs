using System.Collections.Concurrent;
using System.Security.Cryptography;
using GoWatch.Checks.Binary;
using GoWatch.Events.Model;
using GoWatch.Platform.Security;

namespace GoWatch.Recording;

/// <summary>
/// Fingerprints a Go installation (a root such as <c>/usr/local/go</c>, or a single <c>go</c>
/// binary or symlink) or a Homebrew prefix without reading its tree: exists, kind, symlink
/// target, <c>VERSION</c>, CPU of <c>bin/go</c> from its header, sha256 of <c>bin/go</c>.
/// The hash is cached by size and modification time, so an idle rescan reads no binary.
/// </summary>
public sealed class InstallationFingerprinter
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Modified, string Sha)> _hashes = new(StringComparer.Ordinal);

    public InstallationFingerprint Take(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var linkTarget = info.LinkTarget;
            var isDirectory = Directory.Exists(path);
            if (!info.Exists && !isDirectory && linkTarget is null)
            {
                return new InstallationFingerprint(false, null, null, null, null, null);
            }
            var kind = linkTarget is not null ? "symlink" : isDirectory ? "directory" : "file";

            string? goBinary;
            string? versionFile;
            if (isDirectory)
            {
                goBinary = Path.Combine(path, "bin", "go");
                versionFile = Path.Combine(path, "VERSION");
            }
            else
            {
                // A single go binary (or a link to one): its VERSION sits two levels up from bin/go.
                goBinary = path;
                var resolved = SafeResolve(path);
                versionFile = resolved is not null && Path.GetDirectoryName(Path.GetDirectoryName(resolved)) is { } root ? Path.Combine(root, "VERSION") : null;
            }
            var version = versionFile is not null && File.Exists(versionFile) ? FirstLine(versionFile) : null;
            // Read the binary through its final target: a dangling link has none, and the hash
            // cache must follow the target, not the link, when a link is retargeted.
            var binary = SafeResolve(goBinary) is { } final && File.Exists(final) && new FileInfo(final).LinkTarget is null ? final : null;
            var header = binary is not null ? BinaryHeaderReader.Read(binary) : BinaryHeader.Unknown;
            var arch = header.IsKnown ? string.Join("/", header.Architectures) : null;
            var sha = binary is not null ? Hash(binary) : null;
            return new InstallationFingerprint(true, kind, linkTarget, version, arch, sha);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new InstallationFingerprint(true, "unreadable", null, null, null, null);
        }
    }

    private string? Hash(string file)
    {
        var info = new FileInfo(file);
        if (_hashes.TryGetValue(file, out var cached) && cached.Length == info.Length && cached.Modified == info.LastWriteTimeUtc)
        {
            return cached.Sha;
        }
        using var stream = RegularFile.OpenRead(file);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        _hashes[file] = (info.Length, info.LastWriteTimeUtc, sha);
        return sha;
    }

    private static string? SafeResolve(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? FirstLine(string file)
    {
        using var reader = new StreamReader(file);
        return reader.ReadLine()?.Trim();
    }
}
