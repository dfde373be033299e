namespace GoWatch.Platform.Service;

/// <summary>
/// The GoWatch systemd user unit on Linux: <c>~/.config/systemd/user/gowatch.service</c>
/// (under <c>$XDG_CONFIG_HOME</c> when set), driven with <c>systemctl --user</c>.
/// </summary>
public sealed class SystemdServiceManager : IServiceManager
{
    /// <summary>The unit's name, also its file name.</summary>
    public const string UnitName = "gowatch.service";
    private const string Tool = "systemctl";
    private const string StatusProperties = "--property=ActiveState,SubState,MainPID,ExecMainStatus,LoadState";

    private readonly ServiceOptions _options;

    /// <summary>A manager for the unit described by <paramref name="options"/>.</summary>
    public SystemdServiceManager(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string ServiceName => UnitName;

    public string ServiceFilePath
    {
        get
        {
            // The XDG spec says a relative value is invalid and must be ignored.
            var configHome = _options.XdgConfigHome is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg)
                ? xdg
                : Path.Combine(_options.Home, ".config");
            return Path.Combine(configHome, "systemd", "user", UnitName);
        }
    }

    public string Render() => ServiceTemplates.RenderSystemdUnit(_options.Daemon);

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

        string[] reload = ["--user", "daemon-reload"];
        string[] enable = ["--user", "enable", "--now", UnitName];
        if (dryRun)
        {
            session.Plan(reload);
            session.Plan(enable);
            return Result(ServiceAction.Install, true, true,
                $"Would write {ServiceFilePath} and run the commands below (and `systemctl --user restart {UnitName}` when it replaces a different unit).",
                session, content);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Install, false, false, MissingTool(), session, content);
        }

        string? previous = null;
        var writeError = ServiceFiles.Try($"read {ServiceFilePath}", () => previous = ServiceFiles.ReadOrNull(ServiceFilePath))
            ?? ServiceFiles.Try($"write {ServiceFilePath}", () => ServiceFiles.WriteAtomically(ServiceFilePath, content));
        if (writeError is not null)
        {
            return Result(ServiceAction.Install, false, false, writeError, session, content);
        }

        foreach (var step in new[] { reload, enable })
        {
            var command = await session.RunAsync(step, cancellationToken).ConfigureAwait(false);
            if (!command.Succeeded)
            {
                return Result(ServiceAction.Install, false, false, Explain(command), session, content);
            }
        }

        // enable --now leaves a running daemon alone; one started from an older unit must restart to pick up the new ExecStart.
        var changed = previous is not null && previous != content;
        if (changed)
        {
            var restart = await session.RunAsync(["--user", "restart", UnitName], cancellationToken).ConfigureAwait(false);
            if (!restart.Succeeded)
            {
                return Result(ServiceAction.Install, false, false, Explain(restart), session, content);
            }
        }
        return Result(ServiceAction.Install, false, true,
            changed
                ? $"Updated {ServiceFilePath} and restarted {UnitName}."
                : $"Installed {ServiceFilePath} and started {UnitName}; it starts at every login.",
            session, content);
    }

    public async Task<ServiceResult> UninstallAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var session = new CommandSession(Tool, _options.Tools, _options.CommandTimeout);
        string[] disable = ["--user", "disable", "--now", UnitName];
        string[] reload = ["--user", "daemon-reload"];
        if (dryRun)
        {
            session.Plan(disable);
            session.Plan(reload);
            return Result(ServiceAction.Uninstall, true, true, $"Would run `{new ServiceCommand(Tool, disable)}`, remove {ServiceFilePath}, then run `{new ServiceCommand(Tool, reload)}`.", session);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Uninstall, false, false, MissingTool(), session);
        }

        var disabled = await session.RunAsync(disable, cancellationToken).ConfigureAwait(false);
        var unknownUnit = !disabled.Succeeded && IsUnknownUnit(disabled);
        if (!disabled.Succeeded && !unknownUnit)
        {
            return Result(ServiceAction.Uninstall, false, false, Explain(disabled) + $" {ServiceFilePath} was kept.", session);
        }

        var existed = File.Exists(ServiceFilePath);
        if (existed && ServiceFiles.Try($"remove {ServiceFilePath}", () => File.Delete(ServiceFilePath)) is { } removeError)
        {
            return Result(ServiceAction.Uninstall, false, false, $"Stopped {UnitName}, but " + removeError, session);
        }
        var reloaded = await session.RunAsync(reload, cancellationToken).ConfigureAwait(false);
        if (!reloaded.Succeeded)
        {
            return Result(ServiceAction.Uninstall, false, false, $"Removed {ServiceFilePath}, but " + Explain(reloaded), session);
        }
        var message = existed
            ? $"Stopped and disabled {UnitName} and removed {ServiceFilePath}."
            : $"{UnitName} was not installed; nothing to remove.";
        return Result(ServiceAction.Uninstall, false, true, message, session);
    }

    public async Task<ServiceResult> StatusAsync(bool dryRun, CancellationToken cancellationToken = default)
    {
        var session = new CommandSession(Tool, _options.Tools, _options.CommandTimeout);
        string[] show = ["--user", "show", UnitName, StatusProperties];
        if (dryRun)
        {
            session.Plan(show);
            return Result(ServiceAction.Status, true, true, "Would run the command below.", session);
        }
        if (session.ToolPath is null)
        {
            return Result(ServiceAction.Status, false, false, MissingTool(), session);
        }

        var installed = File.Exists(ServiceFilePath);
        var shown = await session.RunAsync(show, cancellationToken).ConfigureAwait(false);
        if (!shown.Succeeded)
        {
            return Result(ServiceAction.Status, false, false, Explain(shown), session);
        }
        var status = SystemctlShowParser.ToStatus(SystemctlShowParser.Parse(shown.Result!.Stdout), installed);
        var message = status switch
        {
            { Running: true } => $"{UnitName} is running" + (status.Pid is { } pid ? $" (pid {pid})." : "."),
            { Loaded: false, Installed: false } => $"{UnitName} is not installed.",
            { Loaded: false } => $"{UnitName} is not loaded, although {ServiceFilePath} exists; run `systemctl --user daemon-reload`.",
            _ => $"{UnitName} is not running (state {status.State ?? "unknown"}" +
                 (status.LastExitStatus is { } code ? $", last exit status {code})." : ")."),
        };
        return Result(ServiceAction.Status, false, true, message, session) with { Status = status };
    }

    private ServiceResult Result(ServiceAction action, bool dryRun, bool succeeded, string message, CommandSession session, string? content = null) =>
        session.Result(action, dryRun, succeeded, message, ServiceFilePath, content);

    private static string MissingTool() =>
        "systemctl was not found on PATH. `gowatch service` needs systemd (systemd --user) on Linux; on macOS it uses launchd (GOWATCH_PLATFORM=macos).";

    private static bool IsUnknownUnit(ServiceCommand command) =>
        command.Result is { TimedOut: false, StartError: null } &&
        (command.Output.Contains("does not exist", StringComparison.OrdinalIgnoreCase) ||
         command.Output.Contains("not loaded", StringComparison.OrdinalIgnoreCase) ||
         command.Output.Contains("not found", StringComparison.OrdinalIgnoreCase));

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
        var said = output.Length > 0 ? $" systemctl said: {output.ReplaceLineEndings(" ")}" : "";
        if (output.Contains("Failed to connect to bus", StringComparison.OrdinalIgnoreCase) ||
            output.Contains("DBUS_SESSION_BUS_ADDRESS", StringComparison.Ordinal) ||
            output.Contains("XDG_RUNTIME_DIR", StringComparison.Ordinal))
        {
            return $"`{command}` could not reach your systemd user manager: this session has no user bus " +
                "(typical under `su`, `sudo`, a container, or SSH without a login session). " +
                "Log in as the user directly, or keep a user manager running with `loginctl enable-linger $USER`, " +
                $"and check that XDG_RUNTIME_DIR is set (usually /run/user/$(id -u)).{said}";
        }
        return $"`{command}` failed with exit code {result.ExitCode}.{said}";
    }
}
