namespace GoWatch.Events.Model;

/// <summary>Marker for event payloads. Every implementation carries an <see cref="EventTypeAttribute"/>.</summary>
public interface IEvent;
