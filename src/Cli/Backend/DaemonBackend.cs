using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Events.Wire;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Revert;

namespace GoWatch.Cli.Backend;

/// <summary>Talks to the running daemon over its Unix socket, one JSON line per request and reply.</summary>
public sealed class DaemonBackend : IGoWatchBackend
{
    private readonly string _socketPath;
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private DaemonBackend(string socketPath, Socket socket)
    {
        _socketPath = socketPath;
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
    }

    public bool ThroughDaemon => true;

    /// <summary>Connects, or returns null when nobody listens on the socket.</summary>
    public static DaemonBackend? TryConnect(string socketPath, TimeSpan timeout)
    {
        if (!File.Exists(socketPath))
        {
            return null;
        }
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token).AsTask().GetAwaiter().GetResult();
            socket.ReceiveTimeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
            return new DaemonBackend(socketPath, socket);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>A second connection to the same daemon (it serves connections at once), or null.</summary>
    public DaemonBackend? Another() => TryConnect(_socketPath, TimeSpan.FromSeconds(1));

    public IReadOnlyList<EventEnvelope> Query(EventQuery query) =>
        Call(new ApiRequest(ApiRequest.Ops.Query) { Query = query }) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(EventJson.FromJson).ToList()
            : [];

    public EventEnvelope? Get(long position) =>
        Call(new ApiRequest(ApiRequest.Ops.Get) { Position = position }) is { ValueKind: JsonValueKind.Object } e ? EventJson.FromJson(e) : null;

    public byte[]? GetBlob(string sha256) =>
        Call(new ApiRequest(ApiRequest.Ops.Blob) { Sha256 = sha256 }) is { ValueKind: JsonValueKind.String } s ? Convert.FromBase64String(s.GetString()!) : null;

    public long RecordVerification(GoWatch.Events.Model.VerificationCompleted completed) =>
        Call(new ApiRequest(ApiRequest.Ops.RecordVerification) { Args = JsonSerializer.SerializeToElement(completed, EventJsonContext.Default.VerificationCompleted) }) is { ValueKind: JsonValueKind.Number } p
            ? p.GetInt64()
            : throw Unavailable("no position in the reply");

    public EventEnvelope? SetProjectWatched(string directory, bool watched) =>
        Call(new ApiRequest(ApiRequest.Ops.Watch) { Args = JsonSerializer.SerializeToElement(new JsonObject { ["directory"] = directory, ["watched"] = watched }, EventJsonContext.Default.JsonObject) }) is { ValueKind: JsonValueKind.Object } e
            ? EventJson.FromJson(e)
            : null;

    public JsonObject Status() =>
        Call(new ApiRequest(ApiRequest.Ops.Status)) is { } result ? JsonNode.Parse(result.GetRawText())!.AsObject() : throw Unavailable("empty status reply");

    public async IAsyncEnumerable<EventEnvelope> FollowAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _socket.ReceiveTimeout = 0;
        await _writer.WriteLineAsync(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Follow) { After = after }, EventJsonContext.Default.ApiRequest).AsMemory(), cancellationToken);
        var ack = await _reader.ReadLineAsync(cancellationToken) ?? throw Unavailable("the daemon closed the connection");
        Check(Parse(ack, l => JsonSerializer.Deserialize(l, EventJsonContext.Default.ApiResponse)));
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return Parse(line, l => EventJson.FromJson(JsonDocument.Parse(l).RootElement));
        }
    }

    /// <summary>The daemon performs the revert; a refusal comes back with a code naming its status.</summary>
    public RevertResult Revert(RevertRequest request, GoWatchSettings settings)
    {
        var args = JsonSerializer.SerializeToElement(request, RevertJsonContext.Default.RevertRequest);
        var response = Exchange(new ApiRequest(RevertRequest.Op) { Args = args });
        if (response is { Ok: true, Result: { ValueKind: JsonValueKind.Object } result })
        {
            try
            {
                return result.Deserialize(RevertJsonContext.Default.RevertResult) ?? throw Unavailable("empty revert reply");
            }
            catch (JsonException ex)
            {
                throw CutShort(ex);
            }
        }
        if (response is { Ok: false, Code: { } code, Error: { } error })
        {
            return new RevertResult(RevertResult.FromCode(code), error);
        }
        throw Unavailable(response?.Error ?? "malformed reply");
    }

    private ApiResponse? Exchange(ApiRequest request)
    {
        try
        {
            _writer.WriteLine(JsonSerializer.Serialize(request, EventJsonContext.Default.ApiRequest));
            var line = _reader.ReadLine() ?? throw Unavailable("the daemon closed the connection");
            return JsonSerializer.Deserialize(line, EventJsonContext.Default.ApiResponse);
        }
        catch (IOException ex)
        {
            throw Unavailable(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            throw CutShort(ex);
        }
    }

    private JsonElement? Call(ApiRequest request)
    {
        try
        {
            _writer.WriteLine(JsonSerializer.Serialize(request, EventJsonContext.Default.ApiRequest));
            var line = _reader.ReadLine() ?? throw Unavailable("the daemon closed the connection");
            return Check(JsonSerializer.Deserialize(line, EventJsonContext.Default.ApiResponse));
        }
        catch (IOException ex)
        {
            throw Unavailable(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            throw CutShort(ex);
        }
    }

    private JsonElement? Check(ApiResponse? response) =>
        response is { Ok: true } ok ? ok.Result : throw Unavailable(response?.Error ?? "malformed reply");

    private T Parse<T>(string line, Func<string, T> parse)
    {
        try
        {
            return parse(line);
        }
        catch (JsonException ex)
        {
            throw CutShort(ex);
        }
    }

    /// <summary>A reply that is not whole JSON: the daemon died or was killed while answering.</summary>
    private BackendUnavailableException CutShort(JsonException ex) =>
        Unavailable("its reply was cut short (was it stopped while answering?); gowatch history shows what was recorded", ex);

    private BackendUnavailableException Unavailable(string why, Exception? inner = null) =>
        new($"gowatchd ({_socketPath}) did not answer: {why}", inner);

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
