namespace GoWatch.Checks.Catalogue;

/// <summary>Groups for the human report, in the order a person would fix things.</summary>
public enum CheckArea
{
    /// <summary>Login shell and PATH.</summary>
    Shell,
    /// <summary>The go that runs and its GOROOT.</summary>
    Toolchain,
    /// <summary>Installations, Homebrew, links.</summary>
    Installations,
    /// <summary>GOPATH, modules, proxies, env file, cgo.</summary>
    Environment,
    /// <summary>GoLand settings and projects.</summary>
    GoLand,
}
