namespace GoWatch.Checks;

/// <summary>How bad a finding is. Only <see cref="Error"/> makes <c>gowatch doctor</c> exit 1.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing is broken.</summary>
    Info,
    /// <summary>Works today but will bite (shadowed installs, tools not on PATH …).</summary>
    Warning,
    /// <summary>Go or GoLand does not work as the user expects.</summary>
    Error,
}
