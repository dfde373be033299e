using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>Looks at paths on the real disk: kind after links, real path, execute bit, and the header of executables.</summary>
public sealed class PathProbe : IPathProbe
{
    /// <inheritdoc />
    public PathFacts Probe(IEnumerable<string> paths) =>
        new(paths.Select(PathFacts.Normalize).Distinct(StringComparer.Ordinal).Select(ProbeOne));

    /// <summary>What is at one path.</summary>
    public static PathFact ProbeOne(string path)
    {
        // A relative path names a different place from every working directory: nothing fixed is there.
        if (!path.StartsWith('/'))
        {
            return new PathFact(path, PathKind.Missing, path);
        }
        var real = FileSystemPaths.RealPath(path);
        try
        {
            // Judged on the resolved path: File.Exists is true for a dangling link itself, and a
            // link still unresolved after RealPath is a loop.
            if (new FileInfo(real).LinkTarget is not null)
            {
                return new PathFact(path, PathKind.Missing, real);
            }
            if (Directory.Exists(real))
            {
                return new PathFact(path, PathKind.Directory, real, Identity: FileIdentityReader.Read(real));
            }
            if (File.Exists(real))
            {
                var executable = FileSystemPaths.IsExecutableFile(real);
                return new PathFact(path, PathKind.File, real, executable, executable ? BinaryHeaderReader.Read(real) : null, FileIdentityReader.Read(real));
            }
            return new PathFact(path, Path.Exists(real) ? PathKind.Other : PathKind.Missing, real);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new PathFact(path, PathKind.Missing, real);
        }
    }
}
