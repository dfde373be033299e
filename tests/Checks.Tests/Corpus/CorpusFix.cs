namespace GoWatch.Checks.Tests.Corpus;

/// <summary>A fix a corpus case pastes: the command from <paramref name="Command"/> on, at <paramref name="Line"/> of <paramref name="File"/> or appended to it.</summary>
public sealed record CorpusFix(string Id, string File, int? Line, string Command);
