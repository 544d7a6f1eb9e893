using System.Globalization;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Editing;

/// <summary>Field paths as Kubernetes writes them (<c>spec.containers[0].ports</c>): building, walking, and JSON Pointers.</summary>
internal static class FieldPaths
{
    /// <summary>The path of <paramref name="key"/> inside the mapping at <paramref name="path"/>.</summary>
    public static string Child(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        var step = key.Contains('.', StringComparison.Ordinal) ? "[" + key + "]" : key;
        return path.Length == 0 ? step : step[0] == '[' ? path + step : path + "." + step;
    }

    /// <summary>The path of item <paramref name="index"/> of the sequence at <paramref name="path"/>.</summary>
    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>The steps of a path: keys and item indexes, in order.</summary>
    public static IReadOnlyList<string> Steps(string path) => [.. FieldLocator.Segments(path ?? string.Empty)];

    /// <summary>The RFC 6901 JSON Pointer of a path (<c>~</c> and <c>/</c> escaped as <c>~0</c> and <c>~1</c>).</summary>
    public static string JsonPointer(string path) =>
        string.Concat(Steps(path).Select(step => "/" + step.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    /// <summary>The node a path leads to in a loaded document, or null when some step is not written.</summary>
    public static SourceNode? Resolve(SourceNode root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        SourceNode? current = root;
        foreach (var step in Steps(path))
        {
            current = current switch
            {
                SourceMapping mapping => mapping[step],
                SourceSequence sequence when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count => sequence[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
