using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// Compile-time JSON metadata of a report crossing the daemon's socket: the window asked for and the
/// folded model sent back (no reflection: both ends are native binaries). Only what the renderers read
/// is written; what the fold alone needs is marked to stay behind.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReportWindow))]
[JsonSerializable(typeof(ReportModel))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
