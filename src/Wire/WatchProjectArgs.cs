namespace GoWatch.Wire;

/// <summary>The arguments of <c>watch</c>: a project directory (absolute) to add to or remove from the watch list.</summary>
public sealed record WatchProjectArgs(string Directory, bool Watched);
