using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;
using GoWatch.Events.Store;
using GoWatch.Recording.Revert;
using GoWatch.Wire.Tests.Support;

namespace GoWatch.Wire.Tests;

/// <summary>
/// Every request and reply of the local API survives a trip through its JSON line unchanged, and
/// re-serialising what was read gives back the same bytes: the daemon and the CLI of one build
/// always understand each other.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly WireJsonContext Wire = WireJsonContext.Default;

    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);

    private static ApiRequest Trip(ApiRequest request)
    {
        var line = JsonSerializer.Serialize(request, Wire.ApiRequest);
        var read = JsonSerializer.Deserialize(line, Wire.ApiRequest)!;
        Assert.Equal(line, JsonSerializer.Serialize(read, Wire.ApiRequest));
        return read;
    }

    private static ApiResponse Trip(ApiResponse response)
    {
        var line = JsonSerializer.Serialize(response, Wire.ApiResponse);
        Assert.DoesNotContain('\n', line);
        var read = JsonSerializer.Deserialize(line, Wire.ApiResponse)!;
        Assert.Equal(line, JsonSerializer.Serialize(read, Wire.ApiResponse));
        return read;
    }

    private static EventEnvelope Envelope(long position, IEvent data) => StatusReportSamples.Envelope(position, data, Guid.NewGuid());

    [Fact]
    public void A_status_request_is_its_op_alone()
    {
        var read = Trip(new ApiRequest(ApiRequest.Ops.Status));

        Assert.Equal(new ApiRequest(ApiRequest.Ops.Status), read);
    }

    [Fact]
    public void A_query_request_keeps_every_filter()
    {
        var query = new EventQuery
        {
            Stream = "file:/home/u/.zshrc",
            Types = ["FileChanged", "FileCreated"],
            CheckId = "path.broken",
            Since = At,
            Until = At.AddDays(1),
            AfterPosition = 3,
            BeforePosition = 90,
            Limit = 20,
            Ascending = true,
        };

        var read = Trip(new ApiRequest(ApiRequest.Ops.Query) { Query = query });

        Assert.Equal(ApiRequest.Ops.Query, read.Op);
        Assert.Equal(query with { Types = null }, read.Query! with { Types = null });
        Assert.Equal(query.Types, read.Query!.Types);
    }

    [Fact]
    public void Get_blob_and_follow_requests_keep_their_argument()
    {
        Assert.Equal(812, Trip(new ApiRequest(ApiRequest.Ops.Get) { Position = 812 }).Position);
        Assert.Equal(new string('a', 64), Trip(new ApiRequest(ApiRequest.Ops.Blob) { Sha256 = new string('a', 64) }).Sha256);
        Assert.Equal(41, Trip(new ApiRequest(ApiRequest.Ops.Follow) { After = 41 }).After);
    }

    [Fact]
    public void A_watch_request_carries_its_typed_arguments()
    {
        var read = Trip(ApiRequest.With(ApiRequest.Ops.Watch, new WatchProjectArgs("/home/u/code/service", true), Wire.WatchProjectArgs));

        Assert.Equal(new WatchProjectArgs("/home/u/code/service", true), read.ArgsAs(Wire.WatchProjectArgs));
    }

    [Fact]
    public void A_record_verification_request_carries_the_verification_as_stored()
    {
        var completed = new VerificationCompleted("cli",
            [new FindingRecord("path.broken", "error", "PATH is broken", "only one entry", [new EvidenceRecord("/home/u/.zshrc", 12, "export PATH=$GOROOT/bin")], "export PATH=\"$PATH:$GOROOT/bin\"")],
            ["go.not-found"], 120, [new SkippedRecord("homebrew.rosetta", "not an Apple Silicon Mac")]);

        var read = Trip(ApiRequest.With(ApiRequest.Ops.RecordVerification, completed, EventJsonContext.Default.VerificationCompleted));

        var args = read.ArgsAs(EventJsonContext.Default.VerificationCompleted)!;
        Assert.Equal(EventJson.SerializeData(completed), EventJson.SerializeData(args));
        Assert.Equal(EventJson.SerializeData(completed), read.Args!.Value.GetRawText());
    }

    [Fact]
    public void A_revert_request_and_its_result_keep_every_field()
    {
        var request = new RevertRequest(812) { Force = true, DryRun = false, ExpectCurrent = true, ExpectedCurrentSha256 = new string('b', 64) };

        var read = Trip(ApiRequest.With(ApiRequest.Ops.Revert, request, RevertJsonContext.Default.RevertRequest));
        Assert.Equal(request, read.ArgsAs(RevertJsonContext.Default.RevertRequest));

        var result = new RevertResult(RevertStatus.Reverted, "Reverted ~/.zshrc.") { RecordedPosition = 815, BackupSha256 = new string('c', 64) };
        var reply = Trip(ApiResponse.Success(result, RevertJsonContext.Default.RevertResult));
        Assert.Equal(result, reply.ResultAs(RevertJsonContext.Default.RevertResult));
    }

    [Fact]
    public void A_refusal_keeps_its_message_and_code()
    {
        var read = Trip(ApiResponse.Failure("The file changed after position 812.", "refused"));

        Assert.False(read.Ok);
        Assert.Null(read.Result);
        Assert.Equal("The file changed after position 812.", read.Error);
        Assert.Equal("refused", read.Code);
    }

    [Fact]
    public void Events_in_a_reply_keep_their_envelope_and_payload()
    {
        IReadOnlyList<EventEnvelope> events =
        [
            Envelope(1, new DaemonStarted(4242, "1.0.0", "macos", "arm64", 12, "crashed")),
            Envelope(2, new DriftDetected("path.broken", "error", "PATH is broken", 1)),
        ];

        var read = Trip(ApiResponse.Success(events, Wire.IReadOnlyListEventEnvelope)).ResultAs(Wire.IReadOnlyListEventEnvelope)!;

        Assert.Equal(events.Select(EventJson.ToJson).Select(j => j.ToJsonString(EventJson.Options)), read.Select(EventJson.ToJson).Select(j => j.ToJsonString(EventJson.Options)));
        Assert.Equal(events[0].Data, read[0].Data);
        Assert.Equal(events[1].Data, read[1].Data);
    }

    [Fact]
    public void Nothing_found_is_an_ok_reply_with_a_null_result()
    {
        var line = JsonSerializer.Serialize(ApiResponse.Success(null, Wire.EventEnvelope), Wire.ApiResponse);

        Assert.Equal("""{"ok":true,"result":null,"error":null,"code":null}""", line);
        Assert.Null(Trip(ApiResponse.Success(null, Wire.EventEnvelope)).ResultAs(Wire.EventEnvelope));
    }

    [Fact]
    public void A_blob_and_a_position_come_back_as_they_went()
    {
        Assert.Equal("aGVsbG8=", Trip(ApiResponse.Success("aGVsbG8=", Wire.String)).ResultAs(Wire.String));
        Assert.Equal(815L, Trip(ApiResponse.Success<long?>(815, Wire.NullableInt64)).ResultAs(Wire.NullableInt64));
    }

    [Fact]
    public void A_status_reply_keeps_the_whole_report()
    {
        var report = StatusReportSamples.Running(Envelope(7, StatusReportSamples.Verification));

        var read = Trip(ApiResponse.Success(report, Wire.StatusReport)).ResultAs(Wire.StatusReport)!;

        Assert.Equal(report.Daemon, read.Daemon);
        Assert.Equal(report.Watching, read.Watching);
        Assert.Equal(report.Store, read.Store);
        Assert.Equal(report.Findings.Select(f => f.Id), read.Findings.Select(f => f.Id));
        Assert.Equal(report.Findings[0].Evidence, read.Findings[0].Evidence);
        Assert.Equal(EventJson.ToJson(report.LastVerification!).ToJsonString(EventJson.Options), EventJson.ToJson(read.LastVerification!).ToJsonString(EventJson.Options));
    }

    [Fact]
    public void A_reply_that_is_not_an_event_is_malformed_json_not_a_crash()
    {
        var line = """{"ok":true,"result":{"position":1},"error":null,"code":null}""";
        var response = JsonSerializer.Deserialize(line, Wire.ApiResponse)!;

        Assert.Throws<JsonException>(() => response.ResultAs(Wire.EventEnvelope));
    }
}
