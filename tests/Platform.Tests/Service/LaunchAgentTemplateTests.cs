using GoWatch.Platform.Service;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Service;

public sealed class LaunchAgentTemplateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static readonly string HostileLogDir = "/Users/dev/Library/Logs/" + Hostile.DirectoryName;
    private static readonly string HostileDaemon = "/Users/dev/" + Hostile.DirectoryName + "/gowatchd";

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rendered_plist_has_every_required_key_with_the_right_type()
    {
        var plist = Plist.ReadRootDict(ServiceTemplates.RenderLaunchAgent(
            DaemonLaunch.FromDll("/usr/local/share/dotnet/dotnet", "/opt/gowatch/gowatchd.dll"), "/Users/dev/Library/Logs/GoWatch"));

        Assert.Equal("dev.gowatch.agent", plist["Label"]);
        Assert.Equal(["/usr/local/share/dotnet/dotnet", "/opt/gowatch/gowatchd.dll"], Assert.IsType<List<object>>(plist["ProgramArguments"]));
        Assert.Equal(true, plist["RunAtLoad"]);
        var keepAlive = Assert.IsType<Dictionary<string, object>>(plist["KeepAlive"]);
        Assert.Equal(false, Assert.Single(keepAlive, kv => kv.Key == "SuccessfulExit").Value);
        Assert.IsType<long>(plist["ThrottleInterval"]);
        Assert.InRange((long)plist["ThrottleInterval"], 1, 60);
        Assert.Equal("Background", plist["ProcessType"]);
        Assert.Equal(true, plist["LowPriorityIO"]);
        Assert.Equal("/Users/dev/Library/Logs/GoWatch/gowatchd.out.log", plist["StandardOutPath"]);
        Assert.Equal("/Users/dev/Library/Logs/GoWatch/gowatchd.err.log", plist["StandardErrorPath"]);
        var environment = Assert.IsType<Dictionary<string, object>>(plist["EnvironmentVariables"]);
        Assert.Equal(ServiceTemplates.DefaultLaunchdPath, environment["PATH"]);
    }

    [Fact]
    public async Task Paths_with_spaces_quotes_ampersands_and_angle_brackets_survive_plistutil_exactly()
    {
        var environment = new Dictionary<string, string> { ["GOWATCH_DATA_DIR"] = "/Users/dev/" + Hostile.DirectoryName };
        var daemon = DaemonLaunch.FromExecutable(HostileDaemon, "--flag=" + Hostile.DirectoryName, "tab\there", "carriage\rreturn") with { Environment = environment };
        var file = _temp.Combine("dev.gowatch.agent.plist");
        await File.WriteAllTextAsync(file, ServiceTemplates.RenderLaunchAgent(daemon, HostileLogDir));

        var direct = Plist.ReadRootDict(await File.ReadAllTextAsync(file));
        var throughLibplist = Plist.ReadRootDict(await Plist.RoundTripThroughPlistutil(file, _temp.Path));

        foreach (var plist in new[] { direct, throughLibplist })
        {
            Assert.Equal([HostileDaemon, "--flag=" + Hostile.DirectoryName, "tab\there", "carriage\rreturn"], (List<object>)plist["ProgramArguments"]);
            Assert.Equal(HostileLogDir + "/gowatchd.out.log", plist["StandardOutPath"]);
            Assert.Equal(HostileLogDir + "/gowatchd.err.log", plist["StandardErrorPath"]);
            Assert.Equal("/Users/dev/" + Hostile.DirectoryName, ((Dictionary<string, object>)plist["EnvironmentVariables"])["GOWATCH_DATA_DIR"]);
            Assert.Equal("dev.gowatch.agent", plist["Label"]);
        }
    }

    [Fact]
    public void A_path_that_spells_a_placeholder_is_not_expanded_again()
    {
        var plist = Plist.ReadRootDict(ServiceTemplates.RenderLaunchAgent(
            DaemonLaunch.FromExecutable("/opt/{{STDERR_PATH}}/gowatchd"), "/logs/{{PROGRAM_ARGUMENTS}}"));

        Assert.Equal(["/opt/{{STDERR_PATH}}/gowatchd"], (List<object>)plist["ProgramArguments"]);
        Assert.Equal("/logs/{{PROGRAM_ARGUMENTS}}/gowatchd.out.log", plist["StandardOutPath"]);
    }

    [Fact]
    public void A_control_character_that_xml_cannot_hold_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<ServiceTemplateException>(() =>
            ServiceTemplates.RenderLaunchAgent(DaemonLaunch.FromExecutable("/opt/go\u0001watch/gowatchd"), "/logs"));
        Assert.Contains("control character", ex.Message);
    }

    [Fact]
    public void A_relative_daemon_path_is_refused()
    {
        var ex = Assert.Throws<ServiceTemplateException>(() =>
            ServiceTemplates.RenderLaunchAgent(DaemonLaunch.FromExecutable("bin/gowatchd"), "/logs"));
        Assert.Contains("absolute", ex.Message);
    }

    [Fact]
    public void The_template_in_the_repository_is_the_one_embedded()
    {
        var repoTemplate = Path.Combine(RepositoryRoot(), "launchd", "dev.gowatch.agent.plist");
        Assert.Equal(File.ReadAllText(repoTemplate), ServiceTemplates.LoadTemplate(ServiceTemplates.LaunchAgentResource));
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GoWatch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("GoWatch.sln not found above the test binaries.");
    }
}
