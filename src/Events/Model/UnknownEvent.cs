using System.Text.Json;

namespace GoWatch.Events.Model;

/// <summary>
/// An event whose stored type this version does not know (a newer GoWatch wrote it). It is
/// shown as it was stored rather than failing the whole read.
/// </summary>
public sealed record UnknownEvent(string StoredType, JsonElement Data) : IEvent;
