using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GoWatch.Daemon.Hosting;
using GoWatch.Events;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoWatch.Daemon.Api;

/// <summary>
/// The daemon's local API: line-delimited JSON on a Unix socket in the data dir, mode 0600.
/// While the daemon holds the store, this is how the CLI reads it.
/// </summary>
public sealed class LocalApiServer(IEventStore store, GoWatchSettings settings, TimeProvider time, IEnumerable<IApiOperation> operations, ILogger<LocalApiServer> log, Watching.DirectoryWatchers? watchers = null) : BackgroundService
{
    /// <summary>The longest request line read (requests are small JSON objects); a longer one closes the connection.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    private readonly Dictionary<string, IApiOperation> _operations = operations.ToDictionary(o => o.Op, StringComparer.Ordinal);
    private readonly DateTimeOffset _since = time.GetUtcNow();
    private Socket? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var path = settings.SocketPath;
        if (SocketLocation.IsFallback(path, settings.DataDir))
        {
            log.LogWarning("The socket path {Long} would be longer than the {Max} bytes a Unix socket path may have; using {Short} instead",
                Path.Combine(settings.DataDir, SocketLocation.FileName), SocketLocation.MaxBytes(settings.Platform), path);
            try
            {
                SocketLocation.PrepareDirectory(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LocalApiUnavailableException($"Cannot put the socket in {Path.GetDirectoryName(path)}: {ex.Message}", ex);
            }
        }
        try
        {
            // We hold the store lock, so a socket file left here belongs to a daemon that died.
            File.Delete(path);
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _listener.Listen(32);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            _listener?.Dispose();
            throw new LocalApiUnavailableException($"Cannot listen on the socket {path}: {ex.Message}", ex);
        }
        log.LogInformation("Local API listening on {Socket}", path);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener!.AcceptAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || stoppingToken.IsCancellationRequested)
            {
                break; // Stopping: the listener was closed.
            }
            catch (SocketException ex)
            {
                log.LogWarning("Accepting a local API connection failed: {Error}", ex.Message);
                continue;
            }
            _ = Task.Run(() => ServeAsync(client, stoppingToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var reader = new BoundedLineReader(stream, MaxRequestBytes);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        try
        {
            while (await reader.ReadLineAsync(stoppingToken) is { } line)
            {
                ApiRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize(line, WireJsonContext.Default.ApiRequest);
                }
                catch (JsonException ex)
                {
                    await ReplyAsync(writer, ApiResponse.Failure($"malformed request: {ex.Message}"), stoppingToken);
                    continue;
                }
                if (request?.Op == ApiRequest.Ops.Follow)
                {
                    await FollowAsync(writer, request.After ?? store.LastPosition, stoppingToken);
                    return;
                }
                await ReplyAsync(writer, await HandleAsync(request, stoppingToken), stoppingToken);
            }
        }
        catch (LineTooLongException ex)
        {
            log.LogWarning("Closed a local API connection: {Error}", ex.Message);
            try
            {
                await ReplyAsync(writer, ApiResponse.Failure($"{ex.Message}; the connection is closed"), stoppingToken);
                client.Shutdown(SocketShutdown.Send);
                // Closing with unread input resets the connection and can lose the reply: discard a
                // little more of what is still coming (bounded in bytes and time), then close.
                await DiscardAsync(stream, stoppingToken);
            }
            catch (Exception inner) when (inner is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client is gone already.
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or we are stopping.
        }
        catch (Exception ex)
        {
            log.LogError(ex, "A local API connection failed");
        }
    }

    private static async Task DiscardAsync(Stream stream, CancellationToken stoppingToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        limit.CancelAfter(TimeSpan.FromSeconds(1));
        var buffer = new byte[64 * 1024];
        try
        {
            for (long discarded = 0; discarded < 16L * MaxRequestBytes;)
            {
                var read = await stream.ReadAsync(buffer, limit.Token);
                if (read == 0)
                {
                    return;
                }
                discarded += read;
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Enough time given: the connection is closed regardless.
        }
    }

    private async Task<ApiResponse> HandleAsync(ApiRequest? request, CancellationToken cancellationToken)
    {
        try
        {
            if (request?.Op is { } op && _operations.TryGetValue(op, out var operation))
            {
                return await operation.HandleAsync(request, cancellationToken);
            }
            var wire = WireJsonContext.Default;
            return request?.Op switch
            {
                ApiRequest.Ops.Status => ApiResponse.Success(
                    StatusReport.Build(store, new DaemonStatus(true, Environment.ProcessId, _since), watchers?.Roots.Select(r => new WatchedDirectory(r.Path, r.Recursive))),
                    wire.StatusReport),
                ApiRequest.Ops.Query => ApiResponse.Success(store.Query(request.Query ?? EventQuery.All), wire.IReadOnlyListEventEnvelope),
                ApiRequest.Ops.Get => ApiResponse.Success(request.Position is { } p ? store.Get(p) : null, wire.EventEnvelope),
                ApiRequest.Ops.Blob => ApiResponse.Success(request.Sha256 is { } sha && store.Get(sha) is { } bytes ? Convert.ToBase64String(bytes) : null, wire.String),
                _ => ApiResponse.UnknownOperation(request?.Op),
            };
        }
        catch (ApiOperationException ex)
        {
            return ApiResponse.Failure(ex.Message, ex.Code);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or LiteDB.LiteException or IOException or UnauthorizedAccessException or JsonException or StoreUnavailableException)
        {
            log.LogWarning("Local API request {Op} failed: {Error}", request?.Op, ex.Message);
            return ApiResponse.Failure(ex.Message);
        }
    }

    private async Task FollowAsync(StreamWriter writer, long after, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<EventEnvelope>();
        void OnAppended(IReadOnlyList<EventEnvelope> batch)
        {
            foreach (var e in batch)
            {
                channel.Writer.TryWrite(e);
            }
        }
        // Subscribe before reading the backlog, then skip what the backlog already sent.
        store.Appended += OnAppended;
        try
        {
            await ReplyAsync(writer, ApiResponse.Done, stoppingToken);
            var sent = after;
            foreach (var e in store.Query(new EventQuery { AfterPosition = after, Ascending = true }))
            {
                await WriteEventAsync(writer, e, stoppingToken);
                sent = e.Position;
            }
            await writer.FlushAsync(stoppingToken);
            await foreach (var e in channel.Reader.ReadAllAsync(stoppingToken))
            {
                if (e.Position > sent)
                {
                    await WriteEventAsync(writer, e, stoppingToken);
                    sent = e.Position;
                    if (channel.Reader.Count == 0)
                    {
                        await writer.FlushAsync(stoppingToken);
                    }
                }
            }
        }
        finally
        {
            store.Appended -= OnAppended;
        }
    }

    private static async Task WriteEventAsync(StreamWriter writer, EventEnvelope e, CancellationToken ct) =>
        await writer.WriteLineAsync(JsonSerializer.Serialize(e, WireJsonContext.Default.EventEnvelope).AsMemory(), ct);

    private static async Task ReplyAsync(StreamWriter writer, ApiResponse response, CancellationToken ct)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(response, WireJsonContext.Default.ApiResponse).AsMemory(), ct);
        await writer.FlushAsync(ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Cancel the accept loop first: a listener closed under a pending accept fails it with a
        // SocketException that would read as an error at every stop.
        await base.StopAsync(cancellationToken);
        _listener?.Dispose();
        File.Delete(settings.SocketPath);
    }
}
