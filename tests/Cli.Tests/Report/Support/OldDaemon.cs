using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform.Locations;
using GoWatch.Wire;

namespace GoWatch.Cli.Tests.Report.Support;

/// <summary>
/// A daemon of a version that knows no <c>report</c> operation: it holds the real store and answers
/// <c>query</c> and <c>get</c> on the socket as gowatchd does, and anything else with the refusal
/// those versions sent (no code, only the message). It counts the operations it was asked.
/// </summary>
public sealed class OldDaemon : IDisposable
{
    private readonly IEventStore _store;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private OldDaemon(GoWatchSettings settings)
    {
        _store = LiteDbEventStore.Open(settings.StorePath, settings.LockPath);
        File.Delete(settings.SocketPath);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(settings.SocketPath));
        _listener.Listen(8);
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>How many requests of each operation it was sent.</summary>
    public ConcurrentDictionary<string, int> Asked { get; } = new(StringComparer.Ordinal);

    public static OldDaemon Start(GoWatchSettings settings) => new(settings);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private void Serve(Socket client)
    {
        using var _ = client;
        using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        try
        {
            while (reader.ReadLine() is { } line)
            {
                var request = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiRequest)!;
                Asked.AddOrUpdate(request.Op, 1, (_, n) => n + 1);
                var wire = WireJsonContext.Default;
                writer.WriteLine(request.Op switch
                {
                    ApiRequest.Ops.Query => JsonSerializer.Serialize(ApiResponse.Success(_store.Query(request.Query ?? EventQuery.All), wire.IReadOnlyListEventEnvelope), wire.ApiResponse),
                    ApiRequest.Ops.Get => JsonSerializer.Serialize(ApiResponse.Success(request.Position is { } p ? _store.Get(p) : null, wire.EventEnvelope), wire.ApiResponse),
                    _ => $$"""{"ok":false,"result":null,"error":"unknown operation '{{request.Op}}'"}""",
                });
            }
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        _store.Dispose();
        _stop.Dispose();
    }
}
