using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Events.Wire;

namespace GoWatch.Benchmarks.Support;

/// <summary>A bare client of the daemon's socket (line-delimited JSON), for polling without starting a CLI each time.</summary>
public sealed class SocketClient(string socketPath)
{
    public IReadOnlyList<EventEnvelope>? TryQuery(EventQuery query)
    {
        try
        {
            return Query(query);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return null;
        }
    }

    public IReadOnlyList<EventEnvelope> Query(EventQuery query)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        using var stream = new NetworkStream(socket);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        using var reader = new StreamReader(stream);
        writer.WriteLine(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Query) { Query = query }, EventJson.Options));
        var line = reader.ReadLine() ?? throw new IOException("gowatchd closed the socket without answering");
        var reply = JsonSerializer.Deserialize<ApiResponse>(line, EventJson.Options)!;
        if (reply.Result is not { } result)
        {
            throw new IOException("gowatchd answered without a result: " + line);
        }
        return result.EnumerateArray().Select(EventJson.FromJson).ToList();
    }
}
