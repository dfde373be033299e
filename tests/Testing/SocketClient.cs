using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Wire;

namespace GoWatch.Testing;

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
        writer.WriteLine(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Query) { Query = query }, WireJsonContext.Default.ApiRequest));
        var line = reader.ReadLine() ?? throw new IOException("gowatchd closed the socket without answering");
        var reply = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiResponse)!;
        return reply.ResultAs(WireJsonContext.Default.IReadOnlyListEventEnvelope)
            ?? throw new IOException("gowatchd answered without a result: " + line);
    }
}
