namespace GoWatch.Checks.Toolchain;

/// <summary>Whether <c>go</c> may run another toolchain than its default, and how it finds one.</summary>
public enum ToolchainMode
{
    /// <summary><c>local</c> or <c>go1.22.5</c>: always the default toolchain, whatever go.mod says.</summary>
    Fixed,

    /// <summary><c>auto</c>, <c>NAME+auto</c>: a newer toolchain go.mod asks for, from PATH or downloaded.</summary>
    Auto,

    /// <summary><c>path</c>, <c>NAME+path</c>: a newer toolchain only when a <c>goX.Y.Z</c> is on PATH; never downloaded.</summary>
    Path,
}
