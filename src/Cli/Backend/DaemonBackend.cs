using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Platform.Locations;
using GoWatch.Recording.Reporting;
using GoWatch.Recording.Revert;
using GoWatch.Wire;

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
            // A blocking connect, bounded by the send timeout (Linux waits on a full backlog for at
            // most that long; macOS refuses at once). Never an async call: that would start the
            // socket engine's epoll thread and the thread pool, milliseconds of a command's start.
            socket.SendTimeout = (int)timeout.TotalMilliseconds;
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.SendTimeout = socket.ReceiveTimeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
            return new DaemonBackend(socketPath, socket);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>A second connection to the same daemon (it serves connections at once), or null.</summary>
    public DaemonBackend? Another() => TryConnect(_socketPath, TimeSpan.FromSeconds(1));

    public IReadOnlyList<EventEnvelope> Query(EventQuery query) =>
        Result(new ApiRequest(ApiRequest.Ops.Query) { Query = query }, Wire.IReadOnlyListEventEnvelope) ?? [];

    public EventEnvelope? Get(long position) =>
        Result(new ApiRequest(ApiRequest.Ops.Get) { Position = position }, Wire.EventEnvelope);

    public byte[]? GetBlob(string sha256) =>
        Result(new ApiRequest(ApiRequest.Ops.Blob) { Sha256 = sha256 }, Wire.String) is { } base64 ? Convert.FromBase64String(base64) : null;

    // The daemon takes in a moved Go env file at its own verifications, which follow every change.
    public long RecordVerification(GoWatch.Events.Model.VerificationCompleted completed, string? goEnvFile = null) =>
        Result(ApiRequest.With(ApiRequest.Ops.RecordVerification, completed, EventJsonContext.Default.VerificationCompleted), Wire.NullableInt64)
            ?? throw Unavailable("no position in the reply");

    public EventEnvelope? SetProjectWatched(string directory, bool watched) =>
        Result(ApiRequest.With(ApiRequest.Ops.Watch, new WatchProjectArgs(directory, watched), Wire.WatchProjectArgs), Wire.EventEnvelope);

    /// <summary>
    /// The report of <paramref name="window"/> as the daemon folds it next to the store; null when the
    /// daemon is of a version that does not know the operation (the caller pages through the events then).
    /// </summary>
    public ReportModel? Report(ReportWindow window)
    {
        var response = Exchange(ApiRequest.With(ApiRequest.Ops.Report, window, ReportJsonContext.Default.ReportWindow));
        if (response is { IsUnknownOperation: true })
        {
            return null;
        }
        return ResultOf(Check(response), ReportJsonContext.Default.ReportModel) ?? throw Unavailable("an empty report");
    }

    public StatusReport Status() =>
        Result(new ApiRequest(ApiRequest.Ops.Status), Wire.StatusReport) ?? throw Unavailable("empty status reply");

    public async IAsyncEnumerable<EventEnvelope> FollowAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _socket.ReceiveTimeout = 0;
        await _writer.WriteLineAsync(JsonSerializer.Serialize(new ApiRequest(ApiRequest.Ops.Follow) { After = after }, Wire.ApiRequest).AsMemory(), cancellationToken);
        var ack = await _reader.ReadLineAsync(cancellationToken) ?? throw Unavailable("the daemon closed the connection");
        Check(Parse(ack, l => JsonSerializer.Deserialize(l, Wire.ApiResponse)));
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return Parse(line, l => JsonSerializer.Deserialize(l, Wire.EventEnvelope)) ?? throw Unavailable("a null event in the stream");
        }
    }

    /// <summary>The daemon performs the revert; a refusal comes back with a code naming its status.</summary>
    public RevertResult Revert(RevertRequest request, GoWatchSettings settings)
    {
        var response = Exchange(ApiRequest.With(ApiRequest.Ops.Revert, request, RevertJsonContext.Default.RevertRequest));
        if (response is { Ok: true })
        {
            try
            {
                return response.ResultAs(RevertJsonContext.Default.RevertResult) ?? throw Unavailable("empty revert reply");
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

    private static WireJsonContext Wire => WireJsonContext.Default;

    private ApiResponse? Exchange(ApiRequest request)
    {
        try
        {
            _writer.WriteLine(JsonSerializer.Serialize(request, Wire.ApiRequest));
            var line = _reader.ReadLine() ?? throw Unavailable("the daemon closed the connection");
            return JsonSerializer.Deserialize(line, Wire.ApiResponse);
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

    /// <summary>Sends <paramref name="request"/> and reads its typed result; a refusal or a broken reply is the daemon not answering.</summary>
    private T? Result<T>(ApiRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        ResultOf(Check(Exchange(request)), type);

    /// <summary>The typed result of an accepted reply; one that does not parse was cut short.</summary>
    private T? ResultOf<T>(ApiResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return response.ResultAs(type);
        }
        catch (JsonException ex)
        {
            throw CutShort(ex);
        }
    }

    private ApiResponse Check(ApiResponse? response) =>
        response is { Ok: true } ok ? ok : throw Unavailable(response?.Error ?? "malformed reply");

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
