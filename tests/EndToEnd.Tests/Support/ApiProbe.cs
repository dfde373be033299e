using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Wire;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>A bare client of the daemon's socket, for polling fast without starting a CLI process each time.</summary>
public static class ApiProbe
{
    public static IReadOnlyList<EventEnvelope>? TryQuery(string socketPath, EventQuery query)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            using var stream = new NetworkStream(socket);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
            using var reader = new StreamReader(stream);
            writer.WriteLine(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Query) { Query = query }, WireJsonContext.Default.ApiRequest));
            // A daemon that is stopping may accept and close without a reply: no answer, like a refused connection.
            if (reader.ReadLine() is not { } line)
            {
                return null;
            }
            var reply = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiResponse)!;
            return reply.ResultAs(WireJsonContext.Default.IReadOnlyListEventEnvelope);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return null;
        }
    }
}
