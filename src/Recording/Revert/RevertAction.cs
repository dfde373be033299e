using System.Text.Json.Serialization;

namespace GoWatch.Recording.Revert;

/// <summary>What a revert does to the file.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RevertAction>))]
public enum RevertAction
{
    /// <summary>Write the earlier content (creating the file if it is gone).</summary>
    Restore,

    /// <summary>Remove the file: the event being reverted created it.</summary>
    Remove,
}
