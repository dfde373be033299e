namespace GoWatch.Platform.Service;

/// <summary>
/// The GoWatch LaunchAgent on macOS: renders <c>~/Library/LaunchAgents/dev.gowatch.agent.plist</c>
/// and drives it with the modern <c>launchctl</c> verbs (<c>enable</c>, <c>bootstrap</c>,
/// <c>bootout</c>, <c>print</c>) in the <c>gui/&lt;uid&gt;</c> domain.
/// </summary>
public sealed class LaunchdServiceManager : IServiceManager
{
    /// <summary>The agent's launchd label, also its plist's file name.</summary>
    public const string Label = "dev.gowatch.agent";
    private const string Tool = "launchctl";

    private readonly ServiceOptions _options;

    /// <summary>A manager for the agent described by <paramref name="options"/>.</summary>
    public LaunchdServiceManager(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string ServiceName => Label;
    public string ServiceFilePath => Path.Combine(_options.Home, "Library", "LaunchAgents", Label + ".plist");

    private string Domain => $"gui/{_options.UserId()}";
    private string ServiceTarget => $"{Domain}/{Label}";

    public string Render() => ServiceTemplates.RenderLaunchAgent(_options.Daemon, _options.LogDir);

    public async Task<ServiceResult> InstallAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var session = new CommandSession(Tool, _options.Tools, _options.CommandTimeout);
        string content;
        try
        {
            content = Render();
        }
        catch (ServiceTemplateException ex)
        {
            return Result(ServiceAction.Install, dryRun, false, ex.Message, session);
        }

        string[] enable = ["enable", ServiceTarget];
        string[] bootstrap = ["bootstrap", Domain, ServiceFilePath];
        string[] bootout = ["bootout", ServiceTarget];
        // Installing over an installed agent: stop it first, so its files are replaced while
        // nothing runs them, then load the new plist.
        var reinstall = File.Exists(ServiceFilePath);
        if (dryRun)
        {
            if (reinstall)
            {
                session.Plan(bootout);
            }
            session.Plan(enable);
            session.Plan(bootstrap);
            return Result(ServiceAction.Install, true, true,
                $"Would write {ServiceFilePath} and run the commands below; if launchd reports the agent already loaded, " +
                $"then `launchctl bootout {ServiceTarget}` and the bootstrap once more.", session, content);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Install, false, false, MissingTool(), session, content);
        }

        if (reinstall)
        {
            // Not loaded (exit 3 / 113) is as good as stopped; any other failure shows up in the bootstrap.
            var stopped = await session.RunAsync(bootout, cancellationToken).ConfigureAwait(false);
            if ((stopped.Succeeded || IsStopping(stopped)) && _options.BootoutSettleDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.BootoutSettleDelay, cancellationToken).ConfigureAwait(false);
            }
        }

        // launchd opens StandardOutPath itself and does not create missing directories.
        var writeError = ServiceFiles.Try($"create {_options.LogDir}", () => ServiceFiles.CreatePrivateDirectory(_options.LogDir))
            ?? ServiceFiles.Try($"write {ServiceFilePath}", () => ServiceFiles.WriteAtomically(ServiceFilePath, content));
        if (writeError is not null)
        {
            return Result(ServiceAction.Install, false, false, writeError, session, content);
        }

        var enabled = await session.RunAsync(enable, cancellationToken).ConfigureAwait(false);
        if (!enabled.Succeeded)
        {
            return Result(ServiceAction.Install, false, false, Explain(enabled), session, content);
        }

        var loaded = await session.RunAsync(bootstrap, cancellationToken).ConfigureAwait(false);
        var replaced = false;
        if (!loaded.Succeeded && MayBeAlreadyLoaded(loaded))
        {
            // The old job (perhaps with an older plist) is still loaded: unload it and try once more.
            // Whatever bootout says, the second bootstrap tells whether that was the cause.
            await session.RunAsync(bootout, cancellationToken).ConfigureAwait(false);
            if (_options.BootoutSettleDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.BootoutSettleDelay, cancellationToken).ConfigureAwait(false);
            }
            loaded = await session.RunAsync(bootstrap, cancellationToken).ConfigureAwait(false);
            replaced = true;
        }
        if (!loaded.Succeeded)
        {
            var message = replaced && MayBeAlreadyLoaded(loaded)
                ? Explain(loaded) + " (GoWatch already booted out any loaded agent and retried once, so a still-loaded agent is the least likely cause.)"
                : Explain(loaded);
            return Result(ServiceAction.Install, false, false, message, session, content);
        }
        var done = replaced
            ? $"launchd had {Label} loaded already; booted it out, loaded {ServiceFilePath} again and started it."
            : reinstall
                ? $"Stopped {Label}, replaced {ServiceFilePath} and started it again; it starts at every login."
                : $"Installed {ServiceFilePath} and started {Label}; it starts at every login.";
        if (await QuarantineWarningAsync(cancellationToken).ConfigureAwait(false) is { } warning)
        {
            done += " " + warning;
        }
        return Result(ServiceAction.Install, false, true, done, session, content);
    }

    public async Task<ServiceResult> UninstallAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var session = new CommandSession(Tool, _options.Tools, _options.CommandTimeout);
        string[] bootout = ["bootout", ServiceTarget];
        if (dryRun)
        {
            session.Plan(bootout);
            return Result(ServiceAction.Uninstall, true, true, $"Would run the command below and remove {ServiceFilePath}.", session);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Uninstall, false, false, MissingTool(), session);
        }

        var stopped = await session.RunAsync(bootout, cancellationToken).ConfigureAwait(false);
        var wasLoaded = stopped.Succeeded || IsStopping(stopped);
        if (!wasLoaded && !IsNotLoaded(stopped))
        {
            return Result(ServiceAction.Uninstall, false, false, Explain(stopped) + $" {ServiceFilePath} was kept.", session);
        }

        var existed = File.Exists(ServiceFilePath);
        if (existed && ServiceFiles.Try($"remove {ServiceFilePath}", () => File.Delete(ServiceFilePath)) is { } removeError)
        {
            return Result(ServiceAction.Uninstall, false, false, $"Stopped {Label}, but " + removeError, session);
        }
        var message = (wasLoaded, existed) switch
        {
            (true, true) => $"Stopped {Label} and removed {ServiceFilePath}.",
            (true, false) => $"Stopped {Label}; {ServiceFilePath} was already gone.",
            (false, true) => $"{Label} was not loaded; removed {ServiceFilePath}.",
            (false, false) => $"{Label} was not installed; nothing to do.",
        };
        return Result(ServiceAction.Uninstall, false, true, message, session);
    }

    public async Task<ServiceResult> StatusAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var session = new CommandSession(Tool, _options.Tools, _options.CommandTimeout);
        string[] print = ["print", ServiceTarget];
        if (dryRun)
        {
            session.Plan(print);
            return Result(ServiceAction.Status, true, true, "Would run the command below.", session);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Status, false, false, MissingTool(), session);
        }

        var installed = File.Exists(ServiceFilePath);
        var printed = await session.RunAsync(print, cancellationToken).ConfigureAwait(false);
        if (printed.Succeeded)
        {
            var status = LaunchctlPrintParser.ToStatus(LaunchctlPrintParser.Parse(printed.Result!.Stdout), installed);
            if (status.Running)
            {
                return Result(ServiceAction.Status, false, true, $"{Label} is running" + (status.Pid is { } pid ? $" (pid {pid})." : "."), session) with { Status = status };
            }
            status = status with { Disabled = await IsDisabledAsync(session, cancellationToken).ConfigureAwait(false) };
            var message = status.Disabled
                ? $"{Label} is loaded but not running, and {DisabledExplanation()}"
                : $"{Label} is loaded but not running (state {status.State ?? "unknown"}" +
                  (status.LastExitStatus is { } code ? $", last exit code {code})." : ").");
            return Result(ServiceAction.Status, false, true, message, session) with { Status = status };
        }
        if (IsNotLoaded(printed))
        {
            var disabled = await IsDisabledAsync(session, cancellationToken).ConfigureAwait(false);
            var status = new ServiceStatus { Installed = installed, Loaded = false, Running = false, Disabled = disabled };
            var message = (installed, disabled) switch
            {
                (_, true) => $"{Label} is not loaded: {DisabledExplanation()}",
                (true, false) => $"{Label} is not loaded, although {ServiceFilePath} exists; run `gowatch service install` to load it.",
                (false, false) => $"{Label} is not installed.",
            };
            return Result(ServiceAction.Status, false, true, message, session) with { Status = status };
        }
        return Result(ServiceAction.Status, false, false, Explain(printed), session);
    }

    /// <summary>Whether <c>launchctl print-disabled</c> lists the agent as disabled; an answer it cannot give counts as no.</summary>
    private async Task<bool> IsDisabledAsync(CommandSession session, CancellationToken cancellationToken)
    {
        var listed = await session.RunAsync(["print-disabled", Domain], cancellationToken).ConfigureAwait(false);
        return listed.Succeeded && LaunchctlDisabledParser.IsDisabled(listed.Result!.Stdout, Label) == true;
    }

    /// <summary>
    /// Why a disabled agent does not start and where to turn it back on. Since macOS 13 a new
    /// agent brings the "Background Items Added" notice, and switching it off under Login Items
    /// disables it in launchd; the item carries its program's name, not GoWatch's.
    /// </summary>
    private string DisabledExplanation() =>
        $"launchd has it disabled (`launchctl print-disabled {Domain}` lists it so), so it does not start at login. " +
        "macOS does this when its \"Allow in the Background\" switch is off in System Settings › General › Login Items & Extensions " +
        $"(where the \"Background Items Added\" notice leads), listed as \"{Path.GetFileName(_options.Daemon.ExecutablePath)}\". " +
        $"Turn it on there, or run `launchctl enable {ServiceTarget}`, then `gowatch service install`.";

    /// <summary>
    /// A downloaded gowatchd carries <c>com.apple.quarantine</c>, and Gatekeeper may refuse to
    /// start an unsigned quarantined program under launchd, where no dialog can ask. Only warns:
    /// removing the attribute is the user's decision.
    /// </summary>
    private async Task<string?> QuarantineWarningAsync(CancellationToken cancellationToken)
    {
        var file = _options.Daemon.DaemonFile;
        if (_options.Tools.Find("xattr") is not { } xattr || !File.Exists(file))
        {
            return null;
        }
        var result = await Processes.ProcessRunner.RunAsync(
            new Processes.ProcessSpec(xattr, ["-p", "com.apple.quarantine", file]) { Timeout = _options.CommandTimeout }, cancellationToken).ConfigureAwait(false);
        return QuarantineWarning(file, result.Succeeded, result.Stdout);
    }

    /// <summary>The warning for a daemon file whose <c>xattr -p com.apple.quarantine</c> answered (or not).</summary>
    public static string? QuarantineWarning(string file, bool attributePresent, string value) =>
        attributePresent
            ? $"Warning: {file} is quarantined (com.apple.quarantine {value.Trim()}): macOS may refuse to start it under launchd. " +
              $"If you trust it, run `xattr -dr com.apple.quarantine {ServiceCommand.ShellQuote(Path.GetDirectoryName(file) ?? file)}` and `gowatch service install` again."
            : null;

    private ServiceResult Result(ServiceAction action, bool dryRun, bool succeeded, string message, CommandSession session, string? content = null) =>
        session.Result(action, dryRun, succeeded, message, ServiceFilePath, content);

    private static string MissingTool() =>
        "launchctl was not found on PATH. `gowatch service` manages a launchd agent on macOS; on Linux it uses systemd --user (GOWATCH_PLATFORM=linux).";

    // Bootstrap of a label that is already loaded fails with "service already loaded" on older
    // systems and with the unhelpful "5: Input/output error" on current ones.
    private static bool MayBeAlreadyLoaded(ServiceCommand command) =>
        command.Result is { TimedOut: false, StartError: null } result &&
        (result.ExitCode == 5 || command.Output.Contains("already", StringComparison.OrdinalIgnoreCase));

    private static bool IsNotLoaded(ServiceCommand command) =>
        command.Result is { TimedOut: false, StartError: null } result &&
        (result.ExitCode is 3 or 113 ||
         command.Output.Contains("No such process", StringComparison.OrdinalIgnoreCase) ||
         command.Output.Contains("Could not find", StringComparison.OrdinalIgnoreCase));

    // bootout returns 36 while the job is still shutting down; it is on its way out.
    private static bool IsStopping(ServiceCommand command) =>
        command.Result is { ExitCode: 36 } || command.Output.Contains("Operation now in progress", StringComparison.OrdinalIgnoreCase);

    private string Explain(ServiceCommand command)
    {
        var result = command.Result!;
        if (result.StartError is { } startError)
        {
            return $"Could not start {command.ToolPath}: {startError}";
        }
        if (result.TimedOut)
        {
            return $"`{command}` did not finish within {_options.CommandTimeout.TotalSeconds:0} s.";
        }
        var output = command.Output;
        var said = output.Length > 0 ? $" launchctl said: {output.ReplaceLineEndings(" ")}" : "";
        if (result.ExitCode == 5 || output.Contains("Input/output error", StringComparison.OrdinalIgnoreCase))
        {
            return $"`{command}` failed with \"Bootstrap failed: 5: Input/output error\", launchd's catch-all error. " +
                $"Usual causes: (1) the agent is still loaded: run `launchctl bootout {ServiceTarget}` and install again; " +
                $"(2) the plist is invalid or has the wrong owner or permissions: check `plutil -lint {ServiceCommand.ShellQuote(ServiceFilePath)}` " +
                "and that the file is yours and not writable by group or others (do not install with sudo); " +
                $"(3) wrong domain: {Domain} exists only while user {_options.UserId()} is logged in at the Mac's screen, not over SSH alone. " +
                $"`launchctl print {ServiceTarget}` and Console.app (process launchd) tell more.{said}";
        }
        if (result.ExitCode == 125 || output.Contains("Domain does not support", StringComparison.OrdinalIgnoreCase))
        {
            return $"`{command}` failed: the {Domain} domain is not available. It exists only for a user logged in at the Mac's screen; " +
                $"log in there (not only over SSH) and run `gowatch service install` again.{said}";
        }
        if (result.ExitCode == 119 || output.Contains("disabled", StringComparison.OrdinalIgnoreCase))
        {
            return $"`{command}` failed: the service is disabled. Turn on its \"Allow in the Background\" switch in System Settings › General › Login Items & Extensions " +
                $"(listed as \"{Path.GetFileName(_options.Daemon.ExecutablePath)}\"), or run `launchctl enable {ServiceTarget}`, and install again.{said}";
        }
        return $"`{command}` failed with exit code {result.ExitCode}.{said}";
    }
}
