using System.Text.Json.Serialization;
using Hostnet.Kube.Auth;
using Hostnet.Kube.Http;

namespace Hostnet.Kube;

/// <summary>Source-generated JSON for the few fixed shapes the client exchanges (no reflection, trim-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecCredentialJson))]
[JsonSerializable(typeof(StatusJson))]
[JsonSerializable(typeof(ServerVersion))]
internal sealed partial class KubeJsonContext : JsonSerializerContext;
