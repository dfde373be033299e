using System.CommandLine;
using System.Text.Json.Nodes;
using GoWatch.Events.Serialization;
using GoWatch.Platform.Service;
using Spectre.Console;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch service install|uninstall|status</c>: the launchd agent (macOS) or systemd user unit
/// (Linux) that keeps gowatchd running. The daemon is the one installed beside this CLI (a .NET
/// tool package or a publish folder carries both), else <c>GOWATCH_DAEMON_PATH</c>.
/// </summary>
public static class ServiceCommand
{
    /// <summary>Names gowatchd (its executable, its dll, or a folder holding either) when it is not beside gowatch.</summary>
    public const string DaemonPathVariable = "GOWATCH_DAEMON_PATH";

    public static Command Create(CliContext context) => Create(context, Host.Current());

    internal static Command Create(CliContext context, Host host)
    {
        var command = new Command("service", "Install, remove or inspect the gowatchd login service (launchd agent on macOS, systemd user unit on Linux)");
        command.Subcommands.Add(Verb(context, host, ServiceAction.Install, "install",
            "Write the service file and start gowatchd now and at every login",
            "Print the service file and the commands that would install it, and change nothing"));
        command.Subcommands.Add(Verb(context, host, ServiceAction.Uninstall, "uninstall",
            "Stop gowatchd and remove the service file (the recorded history stays)",
            "Print the commands that would stop and remove the service, and change nothing"));
        command.Subcommands.Add(Verb(context, host, ServiceAction.Status, "status",
            "Ask launchd / systemd whether the service is installed, loaded and running",
            "Print the command that would ask, without running it"));
        return command;
    }

    /// <summary>What the command needs from the process it runs in, so tests can give their own.</summary>
    /// <param name="BaseDirectory">Where gowatch.dll is (the daemon is looked for beside it).</param>
    /// <param name="ProcessPath">The running executable: <c>dotnet</c> when run as <c>dotnet gowatch.dll</c>.</param>
    internal sealed record Host(string BaseDirectory, string? ProcessPath, IReadOnlyDictionary<string, string> Environment)
    {
        public static Host Current()
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = entry.Value as string ?? "";
            }
            return new Host(AppContext.BaseDirectory, System.Environment.ProcessPath, variables);
        }

        public string? Variable(string name) => Environment.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    private static Command Verb(CliContext context, Host host, ServiceAction action, string name, string description, string dryRunDescription)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = dryRunDescription };
        var json = new Option<bool>("--json") { Description = action == ServiceAction.Status ? "Print installed, loaded, running and pid as JSON" : "Print the outcome as JSON" };
        var command = new Command(name, description) { dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DaemonLaunch launch;
            if (action == ServiceAction.Install)
            {
                if (!TryLocateDaemon(host, out launch, out var error))
                {
                    context.Error.WriteLine($"gowatch: {error}");
                    return ExitCodes.Failure;
                }
            }
            else
            {
                // Status and uninstall only ask launchd / systemd and remove the file: they never
                // render it, so they work when gowatchd itself is gone.
                launch = TryLocateDaemon(host, out var found, out _) ? found : DaemonLaunch.FromExecutable("/usr/bin/false");
            }
            var options = ServiceOptions.From(context.Settings, launch.WithForwardedEnvironment(host.Environment)) with
            {
                Tools = ToolLocator.FromPathVariable(host.Variable("PATH")),
                XdgConfigHome = host.Variable("XDG_CONFIG_HOME"),
            };
            var manager = ServiceManagerFactory.Create(context.Settings.Platform, options);
            var isDryRun = parse.GetValue(dryRun);
            var result = action switch
            {
                ServiceAction.Install => await manager.InstallAsync(isDryRun, cancellationToken),
                ServiceAction.Uninstall => await manager.UninstallAsync(isDryRun, cancellationToken),
                _ => await manager.StatusAsync(isDryRun, cancellationToken),
            };
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(ToJson(result).ToJsonString(EventJson.Options));
            }
            else
            {
                WriteHuman(context, result);
            }
            return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>
    /// gowatchd's apphost or dll beside gowatch, else <c>GOWATCH_DAEMON_PATH</c>. A dll is run by
    /// the <c>dotnet</c> host this CLI runs under, or the one on PATH, named by its absolute path
    /// because launchd and systemd start it without the user's PATH.
    /// </summary>
    internal static bool TryLocateDaemon(Host host, out DaemonLaunch launch, out string error)
    {
        launch = null!;
        // A daemon named on purpose (e.g. a native build) wins over the one that came with the CLI.
        var candidates = new List<string>();
        if (host.Variable(DaemonPathVariable) is { } configured)
        {
            candidates.Add(configured);
        }
        candidates.Add(host.BaseDirectory);
        foreach (var candidate in candidates)
        {
            string? exe = null, dll = null;
            if (Directory.Exists(candidate))
            {
                exe = Path.Combine(candidate, "gowatchd");
                dll = Path.Combine(candidate, "gowatchd.dll");
            }
            else if (candidate.EndsWith(".dll", StringComparison.Ordinal))
            {
                dll = candidate;
            }
            else
            {
                exe = candidate;
            }
            if (exe is not null && IsExecutableFile(exe))
            {
                launch = DaemonLaunch.FromExecutable(Path.GetFullPath(exe));
                error = "";
                return true;
            }
            if (dll is not null && File.Exists(dll))
            {
                if (DotnetHost(host) is not { } dotnet)
                {
                    error = $"Found {dll}, but not the dotnet host to run it: install .NET 10 (https://dot.net), or put dotnet on PATH, and try again.";
                    return false;
                }
                launch = DaemonLaunch.FromDll(dotnet, Path.GetFullPath(dll));
                error = "";
                return true;
            }
        }
        error = $"Cannot find gowatchd: there is no gowatchd or gowatchd.dll beside gowatch in {host.BaseDirectory}" +
            (host.Variable(DaemonPathVariable) is { } p ? $", nor at {DaemonPathVariable}={p}." : $", and {DaemonPathVariable} is not set.") +
            $" Install GoWatch as a .NET tool (dotnet tool install --global GoWatch) or set {DaemonPathVariable} to gowatchd's path.";
        return false;
    }

    private static string? DotnetHost(Host host)
    {
        if (host.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet" && File.Exists(process))
        {
            return process;
        }
        if (host.Variable("DOTNET_HOST_PATH") is { } hostPath && IsExecutableFile(hostPath))
        {
            return hostPath;
        }
        if (host.Variable("DOTNET_ROOT") is { } root && Path.Combine(root, "dotnet") is var rooted && IsExecutableFile(rooted))
        {
            return rooted;
        }
        if (ToolLocator.FromPathVariable(host.Variable("PATH")).Find("dotnet") is { } onPath)
        {
            // /usr/local/bin/dotnet is usually a symlink into the install; name the real host.
            try
            {
                return new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
            }
            catch (IOException)
            {
                return onPath;
            }
        }
        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return File.Exists(path) && (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteHuman(CliContext context, ServiceResult result)
    {
        if (result.DryRun && result.Succeeded)
        {
            // The message says what would happen "below": it comes first, then the file, then the commands.
            context.Out.WriteLine(result.Message);
            if (result.FileContent is { } content)
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"# {result.FilePath}");
                context.Out.Write(content.EndsWith('\n') ? content : content + "\n");
            }
            context.Out.WriteLine();
            foreach (var c in result.Commands)
            {
                context.Out.WriteLine("$ " + c);
            }
            context.Out.Flush();
        }
        else if (result.Succeeded)
        {
            context.Console.MarkupLine(Markup.Escape(result.Message));
        }
        else
        {
            context.Error.WriteLine($"gowatch: {result.Message}");
            foreach (var c in result.Commands.Where(c => c.Ran && !c.Succeeded))
            {
                context.Error.WriteLine($"  $ {c}" + (c.Output.Length > 0 ? $"\n    {c.Output.Replace("\n", "\n    ", StringComparison.Ordinal)}" : ""));
            }
        }
        if (result.Status is { } status)
        {
            context.Console.MarkupLine($"  installed: {(status.Installed ? "yes" : "no")}, loaded: {(status.Loaded ? "yes" : "no")}, running: {(status.Running ? "yes" : "no")}" +
                (status.Pid is { } pid ? $", pid {pid}" : "") + (status.State is { } state ? $", state {Markup.Escape(state)}" : ""));
        }
    }

    private static JsonObject ToJson(ServiceResult result) => new()
    {
        ["action"] = result.Action.ToString().ToLowerInvariant(),
        ["dryRun"] = result.DryRun,
        ["succeeded"] = result.Succeeded,
        ["message"] = result.Message,
        ["filePath"] = result.FilePath,
        ["fileContent"] = result.FileContent,
        ["commands"] = new JsonArray(result.Commands.Select(c => (JsonNode)new JsonObject
        {
            ["tool"] = c.Tool,
            ["toolPath"] = c.ToolPath,
            ["arguments"] = new JsonArray(c.Arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["ran"] = c.Ran,
            ["exitCode"] = c.Result?.ExitCode,
            ["output"] = c.Ran ? c.Output : null,
        }).ToArray()),
        ["status"] = result.Status is { } s ? new JsonObject
        {
            ["installed"] = s.Installed,
            ["loaded"] = s.Loaded,
            ["running"] = s.Running,
            ["disabled"] = s.Disabled,
            ["state"] = s.State,
            ["pid"] = s.Pid,
            ["lastExitStatus"] = s.LastExitStatus,
        } : null,
    };
}
