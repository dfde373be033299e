using System.Text.Json.Serialization;

namespace GoWatch.Recording.Revert;

/// <summary>How a revert ended; the CLI maps it to the exit codes of SPEC §6.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RevertStatus>))]
public enum RevertStatus
{
    /// <summary>A dry run found the revert possible; <see cref="RevertResult.Plan"/> says what it would do.</summary>
    Planned,

    /// <summary>The file was restored and a <c>FileReverted</c> recorded.</summary>
    Reverted,

    /// <summary>The file already holds the content the revert would restore; nothing was written or recorded.</summary>
    NothingToDo,

    /// <summary>Not done, for a reason the user can act on (changed since, not revertible, symlink outside …). Nothing was written.</summary>
    Refused,

    /// <summary>No event at that position.</summary>
    UnknownPosition,

    /// <summary>The event is not about a file.</summary>
    NotFileEvent,

    /// <summary>Writing the file failed (permissions, disk full); nothing was recorded.</summary>
    Failed,
}
