using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary><c>gowatch watch add</c> with arguments that are not a project directory.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Watching_an_empty_directory_name_is_a_usage_error_with_one_line()
    {
        var result = _s.Run("watch", "add", "");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("gowatch: DIR is empty; name a project directory, e.g. gowatch watch add ~/code/service.", result.Stderr.Trim());
    }

    [Fact]
    public void Watching_the_root_directory_is_refused_naming_it()
    {
        var result = _s.Run("watch", "add", "/");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("gowatch: / is the root directory", result.Stderr.Trim());
        Assert.DoesNotContain(" is not a directory", result.Stderr);
    }

    [Fact]
    public void Watching_a_missing_directory_names_it()
    {
        var missing = Path.Combine(_s.Home, "nowhere");

        var result = _s.Run("watch", "add", missing);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"gowatch: {missing} is not a directory.", result.Stderr.Trim());
    }
}
