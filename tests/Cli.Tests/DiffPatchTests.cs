using System.Globalization;
using GoWatch.Cli.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>
/// <c>gowatch diff POS</c> is a patch that <c>git apply</c> and <c>patch</c> accept: checked by
/// applying it, in reverse to the file as it is and forward to the content before the event.
/// </summary>
public sealed class DiffPatchTests : IDisposable
{
    private readonly CliScenario _s = new();
    private readonly RealCli _cli;

    public DiffPatchTests() => _cli = new RealCli(_s);

    public void Dispose() => _s.Dispose();

    private string Patch(long position)
    {
        var result = _cli.Run("diff", position.ToString(CultureInfo.InvariantCulture));
        Assert.True(result.ExitCode == 0, result.ToString());
        var patch = Path.Combine(_s.Root, $"{position}.patch");
        File.WriteAllText(patch, result.Stdout);
        return patch;
    }

    /// <summary>The paths in the patch are absolute (a/home/…): tools run from / find the file.</summary>
    private static CliResult Apply(string tool, params string[] args)
    {
        var result = Processes.RunIn("/", tool, args, TimeSpan.FromSeconds(30));
        return result;
    }

    private static void AssertApplies(string patch, bool reverse)
    {
        var r = reverse ? new[] { "-R" } : [];
        var git = Apply("git", ["apply", "--check", .. r, patch]);
        Assert.True(git.ExitCode == 0, "git apply: " + git + "\n" + File.ReadAllText(patch));
        var p = Apply("patch", ["--dry-run", "-p1", "-f", .. r, "-i", patch]);
        Assert.True(p.ExitCode == 0, "patch: " + p + "\n" + File.ReadAllText(patch));
    }

    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n")]
    [InlineData("one\n", "one\ntwo\n")]
    [InlineData("no newline at the end", "no newline at the end\nnow there is\n")]
    [InlineData("ends well\n", "ends well\nbut not now")]
    [InlineData("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n", "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nFOURTEEN\n15\n")]
    public void A_change_is_a_patch_git_apply_and_patch_accept_both_ways(string before, string after)
    {
        _s.Edit(_s.Zshrc, before);
        var change = _s.Edit(_s.Zshrc, after);

        var patch = Patch(change);

        var text = File.ReadAllText(patch);
        Assert.StartsWith($"--- a{_s.Zshrc}\n+++ b{_s.Zshrc}\n@@ ", text);
        AssertApplies(patch, reverse: true);
        File.WriteAllText(_s.Zshrc, before);
        AssertApplies(patch, reverse: false);
    }

    [Fact]
    public void Reversing_the_patch_with_git_apply_restores_the_content_exactly()
    {
        _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\nalias g=go\n");
        var change = _s.Edit(_s.Zshrc, "export PATH=$GOROOT/bin\nalias g=go");

        var patch = Patch(change);
        var git = Apply("git", "apply", "-R", patch);

        Assert.True(git.ExitCode == 0, git.ToString());
        Assert.Equal("export PATH=$HOME/go/bin:$PATH\nalias g=go\n", File.ReadAllText(_s.Zshrc));
    }

    [Fact]
    public void A_created_file_comes_from_dev_null_and_reversing_it_removes_the_file()
    {
        var created = _s.Edit(_s.HomePath(".zshenv"), "export GO111MODULE=off\n");

        var patch = Patch(created);

        Assert.StartsWith($"--- /dev/null\n+++ b{_s.HomePath(".zshenv")}\n@@ -0,0 +1 @@\n+export GO111MODULE=off\n", File.ReadAllText(patch));
        AssertApplies(patch, reverse: true);
        Assert.Equal(0, Apply("git", "apply", "-R", patch).ExitCode);
        Assert.False(File.Exists(_s.HomePath(".zshenv")));
    }

    [Fact]
    public void A_deleted_file_goes_to_dev_null_and_the_patch_recreates_it()
    {
        _s.Edit(_s.HomePath(".zprofile"), "eval \"$(/opt/homebrew/bin/brew shellenv)\"\n");
        var deleted = _s.Given(r =>
        {
            File.Delete(_s.HomePath(".zprofile"));
            return r.Recorder.Record(_s.HomePath(".zprofile"))!.Position;
        });

        var patch = Patch(deleted);

        Assert.StartsWith($"--- a{_s.HomePath(".zprofile")}\n+++ /dev/null\n", File.ReadAllText(patch));
        AssertApplies(patch, reverse: true);
        Assert.Equal(0, Apply("git", "apply", "-R", patch).ExitCode);
        Assert.Equal("eval \"$(/opt/homebrew/bin/brew shellenv)\"\n", File.ReadAllText(_s.HomePath(".zprofile")));
    }

    [Fact]
    public void No_line_is_added_that_is_not_in_the_file()
    {
        _s.Edit(_s.Zshrc, "a\n");
        var change = _s.Edit(_s.Zshrc, "a\nb\n");

        var text = File.ReadAllText(Patch(change));

        Assert.EndsWith("@@ -1 +1,2 @@\n a\n+b\n", text);
    }
}
