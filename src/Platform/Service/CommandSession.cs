using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Service;

/// <summary>Runs one tool's commands for one service action and keeps them, in order, for the result.</summary>
internal sealed class CommandSession(string tool, ToolLocator tools, TimeSpan timeout)
{
    private readonly List<ServiceCommand> _commands = [];

    public string Tool { get; } = tool;
    public string? ToolPath { get; } = tools.Find(tool);
    public IReadOnlyList<ServiceCommand> Commands => _commands;

    /// <summary>Records a command without running it (dry run).</summary>
    public ServiceCommand Plan(params string[] arguments)
    {
        var command = new ServiceCommand(Tool, arguments) { ToolPath = ToolPath };
        _commands.Add(command);
        return command;
    }

    public async Task<ServiceCommand> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var path = ToolPath ?? throw new InvalidOperationException($"{Tool} is not on the search path; check ToolPath before running.");
        var result = await ProcessRunner.RunAsync(new ProcessSpec(path, arguments) { Timeout = timeout }, cancellationToken).ConfigureAwait(false);
        var command = new ServiceCommand(Tool, arguments) { ToolPath = path, Result = result };
        _commands.Add(command);
        return command;
    }

    /// <summary>The outcome of an action about <paramref name="filePath"/>, with every command this session ran (or would run).</summary>
    public ServiceResult Result(ServiceAction action, bool dryRun, bool succeeded, string message, string filePath, string? content = null) => new()
    {
        Action = action,
        DryRun = dryRun,
        Succeeded = succeeded,
        Message = message,
        FilePath = filePath,
        FileContent = content,
        Commands = [.. _commands],
    };
}
