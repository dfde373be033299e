namespace GoWatch.Events.Model;

/// <summary>A GoLand/Go project directory was added to the watch list (<c>gowatch watch add</c>).</summary>
[EventType("ProjectWatched")]
public sealed record ProjectWatched(string Directory) : IEvent;

/// <summary>A project directory was removed from the watch list.</summary>
[EventType("ProjectUnwatched")]
public sealed record ProjectUnwatched(string Directory) : IEvent;
