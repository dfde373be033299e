namespace GoWatch.Checks.Tests.Support;

/// <summary>How a fake <c>go</c> script answers.</summary>
public sealed record FakeGo
{
    public string Version { get; init; } = "go1.22.5";
    public string HostArch { get; init; } = "arm64";
    public string? Goroot { get; init; }
    public string? Gopath { get; init; }
    public bool CgoEnabled { get; init; }
    public string Cc { get; init; } = "clang";
    public FakeGoBehaviour Behaviour { get; init; } = FakeGoBehaviour.Normal;
    public Dictionary<string, string> Extra { get; init; } = [];

    /// <summary>When set, every run appends its arguments (one line, space-separated) to this file.</summary>
    public string? ArgsLog { get; init; }
}
