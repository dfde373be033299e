namespace GoWatch.Checks.Probes;

/// <summary>goenv, asdf, mise and gvm put a <c>go</c> shim on PATH that runs the Go they select: a shim, not an installation.</summary>
public static class VersionManagers
{
    /// <summary>Whether <paramref name="path"/> (a go or its directory) is a version manager's shim.</summary>
    public static bool IsShim(string path)
    {
        var p = path.EndsWith('/') ? path : path + "/";
        return p.Contains("/.goenv/shims/", StringComparison.Ordinal) || p.Contains("/.asdf/shims/", StringComparison.Ordinal) ||
            p.Contains("/mise/shims/", StringComparison.Ordinal) || p.Contains("/.gvm/", StringComparison.Ordinal);
    }
}
