using System.Reflection;
using System.Text.Json;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;

namespace GoWatch.Events.Tests.Serialization;

/// <summary>Payloads are (de)serialized from generated metadata alone; nothing falls back to reflection.</summary>
public sealed class EventJsonTests
{
    public static TheoryData<string> PayloadTypeNames() => [.. EventTypeRegistry.Names];

    [Theory]
    [MemberData(nameof(PayloadTypeNames))]
    public void Every_registered_event_type_has_generated_metadata(string name)
    {
        var type = EventTypeRegistry.TypeOf(name)!;

        Assert.NotNull(EventJsonContext.Default.GetTypeInfo(type));
    }

    [Fact]
    public void The_registry_knows_every_event_record_of_the_model()
    {
        var model = typeof(IEvent).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null)
            .Select(t => t.GetCustomAttribute<EventTypeAttribute>()!.Name);

        Assert.Equal(model.Order(StringComparer.Ordinal), EventTypeRegistry.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nested_payloads_round_trip_field_for_field()
    {
        IEvent[] samples =
        [
            new VerificationCompleted("change", [new FindingRecord("path.broken", "error", "PATH lost /usr/bin", "detail", [new EvidenceRecord("/h/.zshrc", 3, "export PATH=$GOROOT/bin")], "fix it")], ["go.present"], 42),
            new InstallationChanged("/usr/local/go", null, new InstallationFingerprint(true, "dir", null, "go1.23.1", "arm64", "ab")),
            new FileChanged("/h/.zshrc", "a", "b", 2, 1, 100, true, "shell"),
            new NotificationSent("desktop", "t", "m", ["path.broken"], false, "osascript missing"),
        ];

        foreach (var sample in samples)
        {
            var json = EventJson.SerializeData(sample);
            var back = EventJson.DeserializeData(EventTypeRegistry.NameOf(sample).Name, json);

            Assert.IsType(sample.GetType(), back);
            Assert.Equal(json, EventJson.SerializeData(back));
        }
    }

    [Fact]
    public void Payloads_use_camel_case_names()
    {
        var json = EventJson.SerializeData(new DriftDetected("path.broken", "error", "PATH lost", 7));

        Assert.Equal("""{"checkId":"path.broken","severity":"error","title":"PATH lost","causedBy":7}""", json);
    }

    [Fact]
    public void Unknown_types_and_unreadable_payloads_stay_readable_as_raw_data()
    {
        var unknown = Assert.IsType<UnknownEvent>(EventJson.DeserializeData("FromTheFuture", """{"x":1}"""));
        var garbage = Assert.IsType<UnknownEvent>(EventJson.DeserializeData("FileChanged", "not json"));
        var mismatched = Assert.IsType<UnknownEvent>(EventJson.DeserializeData("FileChanged", """{"linesAdded":"many"}"""));

        Assert.Equal(1, unknown.Data.GetProperty("x").GetInt32());
        Assert.Equal(JsonValueKind.String, garbage.Data.ValueKind);
        Assert.Equal("not json", garbage.Data.GetString());
        Assert.Equal("FileChanged", mismatched.StoredType);
    }
}
