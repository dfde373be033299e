namespace GoWatch.Platform.Service;

/// <summary>The outcome of <c>gowatch service install|uninstall|status</c>, dry run or not.</summary>
public sealed record ServiceResult
{
    public required ServiceAction Action { get; init; }

    /// <summary>True when nothing was written and nothing was run.</summary>
    public required bool DryRun { get; init; }

    public required bool Succeeded { get; init; }

    /// <summary>One or a few sentences for the user; on failure it says why and what to try.</summary>
    public required string Message { get; init; }

    /// <summary>The plist or unit file this action is about.</summary>
    public required string FilePath { get; init; }

    /// <summary>The rendered file (install only; also on a dry run).</summary>
    public string? FileContent { get; init; }

    /// <summary>Every command run, in order; in a dry run the commands that would run.</summary>
    public required IReadOnlyList<ServiceCommand> Commands { get; init; }

    /// <summary>Set by <see cref="ServiceAction.Status"/> when the service manager answered.</summary>
    public ServiceStatus? Status { get; init; }
}
