using GoWatch.Checks.Binary;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Looks at the tools in GOBIN and GOPATH's <c>bin</c> (gopls, dlv, golangci-lint …) without
/// running them: a few KB of header each, and the build info only of the rare one built for
/// another CPU, whose reinstall command needs its package path.
/// </summary>
public sealed class ToolScanner : IToolScanner
{
    private const int MaxTools = 500;

    /// <inheritdoc />
    public ToolFacts Scan(IReadOnlyList<string> directories, string hostArch)
    {
        var scanned = new List<string>();
        var binaries = new List<ToolBinary>();
        foreach (var dir in directories.Where(d => d.StartsWith('/')).Distinct(StringComparer.Ordinal))
        {
            string[] files;
            try
            {
                if (!Directory.Exists(dir))
                {
                    continue;
                }
                files = Directory.GetFiles(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            scanned.Add(dir);
            foreach (var file in files.Order(StringComparer.Ordinal).Take(MaxTools))
            {
                if (!FileSystemPaths.IsExecutableFile(file))
                {
                    continue;
                }
                var header = BinaryHeaderReader.Read(file);
                var foreign = header.IsKnown && !header.RunsNativelyOn(hostArch);
                binaries.Add(new ToolBinary(file, header, foreign ? BuildInfoReader.MainPackage(file) : null));
            }
        }
        return new ToolFacts { Directories = scanned, Binaries = binaries };
    }

    /// <summary>Where <c>go install</c> puts tools: GOBIN, else each GOPATH entry's <c>bin</c> (default <c>$HOME/go</c>).</summary>
    internal static IReadOnlyList<string> Directories(MachineFacts facts)
    {
        var dirs = new List<string>();
        if (Catalogue.GoValues.Effective(facts, "GOBIN") is { } gobin)
        {
            dirs.Add(gobin.Value);
        }
        var gopath = Catalogue.GoValues.Effective(facts, "GOPATH")?.Value ?? Path.Combine(facts.Host.Home, "go");
        dirs.AddRange(gopath.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(entry => Path.Combine(entry, "bin")));
        return dirs.Where(d => d.StartsWith('/')).Select(Facts.PathFacts.Normalize).Distinct(StringComparer.Ordinal).ToList();
    }
}
