using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

/// <summary>What every <see cref="IServiceManager"/> promises, run once per adapter.</summary>
public abstract class ServiceManagerContract : IDisposable
{
    protected ServiceManagerContract()
    {
        Fixture = new ServiceFixture();
    }

    protected ServiceFixture Fixture { get; }

    /// <summary>The tool the adapter drives (launchctl, systemctl).</summary>
    protected abstract string Tool { get; }

    protected abstract IServiceManager CreateManager(ServiceOptions options);

    public void Dispose() => Fixture.Dispose();

    [Fact]
    public async Task Dry_run_install_returns_the_file_and_commands_but_writes_nothing_and_runs_nothing()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options);

        var result = await manager.InstallAsync(dryRun: true);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.DryRun);
        Assert.Equal(manager.Render(), result.FileContent);
        Assert.Equal(manager.ServiceFilePath, result.FilePath);
        Assert.NotEmpty(result.Commands);
        Assert.All(result.Commands, c => Assert.False(c.Ran));
        Assert.All(result.Commands, c => Assert.Equal(Tool, c.Tool));
        Assert.Empty(Fixture.Shims.Calls());
        Assert.Empty(Fixture.FilesUnderHome());
        Assert.False(Directory.Exists(Fixture.Options.LogDir));
    }

    [Fact]
    public async Task Dry_run_uninstall_and_status_run_nothing_and_keep_the_file()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options);
        Directory.CreateDirectory(Path.GetDirectoryName(manager.ServiceFilePath)!);
        await File.WriteAllTextAsync(manager.ServiceFilePath, "installed");

        var uninstall = await manager.UninstallAsync(dryRun: true);
        var status = await manager.StatusAsync(dryRun: true);

        Assert.True(uninstall.Succeeded && status.Succeeded);
        Assert.NotEmpty(uninstall.Commands);
        Assert.Single(status.Commands);
        Assert.All(uninstall.Commands.Concat(status.Commands), c => Assert.False(c.Ran));
        Assert.Empty(Fixture.Shims.Calls());
        Assert.Equal("installed", await File.ReadAllTextAsync(manager.ServiceFilePath));
    }

    [Fact]
    public async Task Install_writes_the_rendered_file_readable_by_all_and_writable_only_by_the_owner()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options);

        var result = await manager.InstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(manager.Render(), await File.ReadAllTextAsync(manager.ServiceFilePath));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(manager.ServiceFilePath));
        Assert.All(result.Commands, c => Assert.True(c.Ran));
        Assert.Equal(result.Commands.Count, Fixture.Shims.Calls().Count);
    }

    [Fact]
    public async Task Uninstall_after_install_removes_the_file()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options);
        await manager.InstallAsync(dryRun: false);

        var result = await manager.UninstallAsync(dryRun: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(File.Exists(manager.ServiceFilePath));
    }

    [Fact]
    public async Task A_service_file_that_cannot_be_written_fails_with_a_message_and_runs_nothing()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options);
        // A file where the directory should be (root ignores permission bits, so a mode would not do).
        var parent = Path.GetDirectoryName(manager.ServiceFilePath)!;
        Directory.CreateDirectory(Path.GetDirectoryName(parent)!);
        await File.WriteAllTextAsync(parent, "not a directory");

        var result = await manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Could not write " + manager.ServiceFilePath, result.Message);
        Assert.Empty(Fixture.Shims.Calls());
    }

    [Fact]
    public async Task Without_the_tool_on_the_search_path_install_fails_clearly_and_writes_nothing()
    {
        var manager = CreateManager(Fixture.Options);

        var result = await manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Contains($"{Tool} was not found on PATH", result.Message);
        Assert.Empty(result.Commands);
        Assert.Empty(Fixture.FilesUnderHome());
    }

    [Fact]
    public async Task A_daemon_path_that_cannot_be_rendered_fails_without_writing_or_running()
    {
        Fixture.Shims.Add(Tool);
        var manager = CreateManager(Fixture.Options with { Daemon = DaemonLaunch.FromExecutable("relative/gowatchd") });

        var result = await manager.InstallAsync(dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Contains("absolute", result.Message);
        Assert.Empty(Fixture.Shims.Calls());
        Assert.Empty(Fixture.FilesUnderHome());
    }
}
