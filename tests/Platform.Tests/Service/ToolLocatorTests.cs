using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

public sealed class ToolLocatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string MakeFile(string dir, string name, bool executable)
    {
        Directory.CreateDirectory(_temp.Combine(dir));
        var path = _temp.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead);
        return path;
    }

    [Fact]
    public void The_first_executable_on_the_search_path_wins()
    {
        MakeFile("a", "launchctl", executable: false);
        var expected = MakeFile("b", "launchctl", executable: true);
        MakeFile("c", "launchctl", executable: true);

        var locator = new ToolLocator([_temp.Combine("a"), _temp.Combine("b"), _temp.Combine("c")]);

        Assert.Equal(expected, locator.Find("launchctl"));
    }

    [Fact]
    public void Directories_named_like_the_tool_and_missing_tools_are_not_found()
    {
        Directory.CreateDirectory(_temp.Combine("a", "osascript"));

        var locator = new ToolLocator([_temp.Combine("a")]);

        Assert.Null(locator.Find("osascript"));
        Assert.Null(locator.Find("notify-send"));
    }

    [Fact]
    public void Relative_and_empty_PATH_entries_are_ignored()
    {
        var locator = ToolLocator.FromPathVariable($"bin{Path.PathSeparator}{Path.PathSeparator}/usr/bin{Path.PathSeparator}.");

        Assert.Equal(["/usr/bin"], locator.Directories);
    }

    [Fact]
    public void A_tool_name_with_a_slash_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ToolLocator(["/usr/bin"]).Find("../bin/sh"));
    }
}
