using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hostnet.Kube.Tests.Support;

/// <summary>API answers in the shape a real API server sends: recorded objects from testdata, lists, Status bodies.</summary>
internal static class ApiObjects
{
    public const string Version = """{"major":"1","minor":"31","gitVersion":"v1.31.2","platform":"linux/amd64"}""";

    public static JsonObject Recorded(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "recorded", name + ".json")))!.AsObject();

    /// <summary>The recorded pod under another name and namespace.</summary>
    public static JsonObject Pod(string ns, string name)
    {
        var pod = Recorded("pod");
        pod["metadata"]!["name"] = name;
        pod["metadata"]!["namespace"] = ns;
        return pod;
    }

    /// <summary>A list page as the API server writes it: items without apiVersion/kind, <c>continue</c> when more follow.</summary>
    public static string List(string apiVersion, string kind, IEnumerable<JsonObject> items, string? continueToken = null, long? remaining = null)
    {
        var metadata = new JsonObject { ["resourceVersion"] = "48213" };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        if (remaining is not null)
        {
            metadata["remainingItemCount"] = remaining;
        }

        var list = new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = apiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()),
        };
        return list.ToJsonString();
    }

    public static string Status(int code, string reason, string message) => new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString();

    /// <summary>The 410 an API server sends for a continue token older than the etcd compaction window.</summary>
    public static FakeResponse Expired() => FakeResponse.Error(
        410,
        "Expired",
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");

    public static JsonDocument Parse(string json) => JsonDocument.Parse(json);
}
