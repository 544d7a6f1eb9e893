using System.Globalization;
using System.Text.Json.Nodes;

namespace Hostnet.Webhook.Tests.Support;

/// <summary>
/// Applies an RFC 6902 JSON Patch (add, replace, remove, test) to a document, strictly, as the API server does:
/// a path that does not exist where the RFC requires one is an error. Test-only; no package is available here.
/// </summary>
internal static class JsonPatchApplier
{
    public static JsonNode Apply(JsonNode document, JsonArray patch)
    {
        var result = document.DeepClone();
        foreach (var operation in patch.Select(o => o!.AsObject()))
        {
            var op = operation["op"]!.GetValue<string>();
            var tokens = Tokens(operation["path"]!.GetValue<string>());
            var parent = tokens.Length == 1 ? result : Resolve(result, tokens[..^1]);
            var last = tokens[^1];
            var value = operation["value"]?.DeepClone();
            switch (op, parent)
            {
                case ("add", JsonObject o):
                    o[last] = value;
                    break;
                case ("add", JsonArray a):
                    if (last == "-")
                    {
                        a.Add(value);
                    }
                    else
                    {
                        a.Insert(Index(last, a.Count + 1), value);
                    }

                    break;
                case ("replace", JsonObject o) when o.ContainsKey(last):
                    o[last] = value;
                    break;
                case ("replace", JsonArray a):
                    a[Index(last, a.Count)] = value;
                    break;
                case ("remove", JsonObject o) when o.ContainsKey(last):
                    o.Remove(last);
                    break;
                case ("remove", JsonArray a):
                    a.RemoveAt(Index(last, a.Count));
                    break;
                case ("test", _):
                    if (!JsonNode.DeepEquals(Resolve(result, tokens), value))
                    {
                        throw new InvalidOperationException($"test failed at {operation["path"]}");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"cannot {op} at {operation["path"]}");
            }
        }

        return result;
    }

    private static JsonNode Resolve(JsonNode node, string[] tokens)
    {
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) && child is not null => child,
                JsonArray a => a[Index(token, a.Count)]!,
                _ => throw new InvalidOperationException($"no {token} in the document"),
            };
        }

        return node;
    }

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 || pointer[0] != '/'
            ? throw new InvalidOperationException($"bad JSON pointer '{pointer}'")
            : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static int Index(string token, int count)
    {
        var index = int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
        return index < count ? index : throw new InvalidOperationException($"index {index} out of range");
    }
}
