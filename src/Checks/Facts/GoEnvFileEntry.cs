namespace GoWatch.Checks.Facts;

/// <summary>One <c>KEY=VALUE</c> line of Go's env file.</summary>
public sealed record GoEnvFileEntry(string Key, string Value, int Line, string Text);
