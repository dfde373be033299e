using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Events.Wire;

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
            writer.WriteLine(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Query) { Query = query }, EventJson.Options));
            // A daemon that is stopping may accept and close without a reply: no answer, like a refused connection.
            if (reader.ReadLine() is not { } line)
            {
                return null;
            }
            var reply = JsonSerializer.Deserialize<ApiResponse>(line, EventJson.Options)!;
            return reply.Result!.Value.EnumerateArray().Select(EventJson.FromJson).ToList();
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return null;
        }
    }
}
