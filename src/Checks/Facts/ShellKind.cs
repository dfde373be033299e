namespace GoWatch.Checks.Facts;

/// <summary>The login shells GoWatch knows how to start and trace.</summary>
public enum ShellKind
{
    /// <summary>A shell GoWatch runs as a POSIX login shell without tracing.</summary>
    Other,
    /// <summary>zsh, the macOS default.</summary>
    Zsh,
    /// <summary>GNU bash.</summary>
    Bash,
    /// <summary>fish.</summary>
    Fish,
}
