using GoWatch.Checks.Facts;
using GoWatch.Checks.Probes;

namespace GoWatch.Checks.Tests;

/// <summary>fish_trace prints each sourced path escaped as fish script; blame needs the real path back.</summary>
public sealed class ShellTraceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gowatch-trace-" + Guid.NewGuid().ToString("N")[..12]);

    public ShellTraceTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The traced forms are what fish 3.6 prints for these names: quoted when only printable characters need escaping.
    [Theory]
    [InlineData("sp ace.fish", "'{0}/sp ace.fish'")]
    [InlineData("trail .fish", "'{0}/trail .fish'")]
    [InlineData("$(x) `y` & z.fish", "'{0}/$(x) `y` & z.fish'")]
    [InlineData("q'uote \"d\" $(x).fish", "{0}/q\\'uote\\ \\\"d\\\"\\ \\$\\(x\\).fish")]
    [InlineData("ne\nw.fish", "{0}/ne\\nw.fish")]
    [InlineData("t\tab r\re.fish", "{0}/t\\tab\\ r\\re.fish")]
    [InlineData("back\\slash.fish", "{0}/back\\\\slash.fish")]
    [InlineData("ctl\u0001 esc\u001b.fish", "{0}/ctl\\ca\\ esc\\e.fish")]
    [InlineData("fs\u001f.fish", "{0}/fs\\x1f.fish")]
    public void A_sourced_file_is_named_by_its_real_path_and_line(string name, string traced)
    {
        var file = Path.Combine(_dir, name);
        File.WriteAllText(file, "set -gx EDITOR vi\nset -gx GOPATH /opt/go\n");
        var stderr = $"> source {string.Format(System.Globalization.CultureInfo.InvariantCulture, traced, _dir)}\n--> set -gx EDITOR vi\n--> set -gx GOPATH /opt/go\n> true\n";

        var assignments = ShellTrace.Assignments(ShellKind.Fish, stderr, _dir);

        Assert.Equal(new Evidence(file, 2, "set -gx GOPATH /opt/go"), assignments["GOPATH"]);
    }

    [Fact]
    public void A_fish_assignment_is_placed_in_the_branch_that_ran_not_at_the_files_last_assignment()
    {
        // fish names no line: the line whose literal arguments the traced command shows is the one that ran.
        var file = Path.Combine(_dir, "config.fish");
        File.WriteAllText(file, "if test (uname) = Linux\n    set -gx GOPATH '~/go'\nelse\n    set -gx GOPATH $HOME/go\nend\n");
        var stderr = $"> source {file}\n--> if\n--> test Linux = Linux\n---> set -gx GOPATH '~/go'\n--> end if\n";

        Assert.Equal(new Evidence(file, 2, "set -gx GOPATH '~/go'"), ShellTrace.Assignments(ShellKind.Fish, stderr, _dir)["GOPATH"]);
        Assert.Equal([new Evidence(file, 2, "set -gx GOPATH '~/go'")], ShellTrace.AssignmentHistory(ShellKind.Fish, stderr, _dir)["GOPATH"]);
    }

    [Fact]
    public void A_fish_assignment_in_a_branch_that_did_not_run_is_no_evidence_but_a_universal_variable_is()
    {
        var config = Path.Combine(_dir, ".config", "fish", "config.fish");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, "if test (uname) = Darwin\n    set -gx GOROOT /opt/homebrew/opt/go/libexec\nend\n");
        File.WriteAllText(Path.Combine(_dir, ".config", "fish", "fish_variables"), "# VERSION: 3.0\nSETUVAR --export GOPATH:/srv/go\n");
        var stderr = $"> source {config}\n--> if\n--> test Linux = Darwin\n--> end if\n";

        var assignments = ShellTrace.Assignments(ShellKind.Fish, stderr, _dir);

        Assert.False(assignments.ContainsKey("GOROOT"));
        Assert.Equal(2, assignments["GOPATH"].Line);
    }

    [Fact]
    public void A_fish_add_path_run_through_its_function_is_placed_at_the_line_that_called_it()
    {
        var file = Path.Combine(_dir, "config.fish");
        File.WriteAllText(file, "fish_add_path /opt/a\nset -gx EDITOR vi\nfish_add_path --append /opt/b\n");
        var stderr = $"> source {file}\n--> fish_add_path /opt/a\n----> set --global fish_user_paths /opt/a\n--> set -gx EDITOR vi\n--> fish_add_path --append /opt/b\n----> set --global fish_user_paths /opt/a /opt/b\n";

        Assert.Equal(3, ShellTrace.Assignments(ShellKind.Fish, stderr, _dir)["PATH"].Line);
    }

    [Theory]
    [InlineData("+/home/u/.zshrc:12> export PATH=/x", "/home/u/.zshrc", 12, "export PATH=/x")]
    [InlineData("+++/etc/zsh/zshenv:3> x:4> y", "/etc/zsh/zshenv", 3, "x:4> y")]
    [InlineData("+/home/u/dir:with:colons/.bashrc:7> a=b", "/home/u/dir:with:colons/.bashrc", 7, "a=b")]
    [InlineData("+/home/u/odd> name/.zshrc:2> true", "/home/u/odd> name/.zshrc", 2, "true")]
    public void A_posix_trace_line_gives_file_line_and_command(string line, string file, int number, string cmd) =>
        Assert.Equal((file, number, cmd), ShellTrace.ParseTraceLine(line));

    [Theory]
    [InlineData("+ export PATH=/x")]
    [InlineData("+:1> shopt -q login_shell")]
    [InlineData("+zsh:1> printf x")]
    [InlineData("/home/u/.zshrc:3: parse error")]
    public void Lines_that_name_no_startup_file_are_not_trace_lines(string line) => Assert.Null(ShellTrace.ParseTraceLine(line));

    [Fact]
    public void Only_the_last_traced_assignment_of_a_variable_is_evidence()
    {
        var file = Path.Combine(_dir, "big.zshrc");
        File.WriteAllText(file, "export GOPATH=/a\nexport GOPATH=/b\n");
        var stderr = $"+{file}:1> export GOPATH=/a\n+{file}:2> export GOPATH=/b\n";

        Assert.Equal(new Evidence(file, 2, "export GOPATH=/b"), ShellTrace.Assignments(ShellKind.Zsh, stderr, _dir)["GOPATH"]);
    }

    [Fact]
    public async Task A_fifo_in_place_of_a_startup_file_is_never_opened_while_placing_errors_and_assignments()
    {
        // Given ~/.bashrc is a FIFO that nobody writes to (opening it would block for ever)
        var fifo = Path.Combine(_dir, ".bashrc");
        var made = await GoWatch.Platform.Processes.ProcessRunner.RunAsync(new GoWatch.Platform.Processes.ProcessSpec("/usr/bin/mkfifo", [fifo]) { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        Assert.Equal(0, made.ExitCode);

        // When an unlocated error and a trace line naming it are read
        var work = Task.Run(() => (
            ShellTrace.Errors(ShellKind.Bash, "bash: nvm: command not found\n", _dir),
            ShellTrace.Assignments(ShellKind.Bash, $"+{fifo}:1> export GOPATH=/opt/go\n", _dir)));

        // Then both come back (a hang here is the failure), the error unplaced, the assignment from the trace
        Assert.True(await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(20))) == work, "reading a FIFO startup file blocked");
        var (errors, assignments) = await work;
        Assert.Null(Assert.Single(errors).File);
        Assert.Equal(new Evidence(fifo, 1, "export GOPATH=/opt/go"), assignments["GOPATH"]);
    }
}
