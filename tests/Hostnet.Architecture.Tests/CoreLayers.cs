namespace Hostnet.Architecture.Tests;

/// <summary>
/// The folders of src/Hostnet.Core, one row per layer, bottom to top, as docs/architecture.md draws them. A folder may
/// use the folders of lower rows only: not those of its own row, not those above. There is no list of exceptions.
/// </summary>
internal static class CoreLayers
{
    public const string CoreNamespace = "Hostnet.Core";

    public static IReadOnlyList<IReadOnlyList<string>> Rows { get; } =
    [
        ["Documents"],
        ["Model"],
        ["Loading", "Diagnostics"],
        ["Semantics", "Editing"],
        ["Scheduling"],
        ["Analysis", "NodeState"],
        ["Rules", "Ports"],
        ["Runs", "Configuration"],
        ["Fixing"],
        ["Audit", "Admission"],
        ["Reporting"],
    ];

    public static IEnumerable<string> Folders => Rows.SelectMany(row => row);

    /// <summary>The folders <paramref name="folder"/> must not use: the others of its row and every folder above it.</summary>
    public static IReadOnlyList<string> Forbidden(string folder)
    {
        var row = Row(folder);
        return [.. Rows.Skip(row).SelectMany(r => r).Where(f => f != folder)];
    }

    public static int Row(string folder)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Contains(folder))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{folder}' is no folder of the layer table", nameof(folder));
    }

    /// <summary>The top folder of a namespace of Hostnet.Core (<c>Hostnet.Core.Semantics.Dns</c> is in <c>Semantics</c>).</summary>
    public static string? FolderOf(string? @namespace) =>
        @namespace is not null && @namespace.StartsWith(CoreNamespace + ".", StringComparison.Ordinal)
            ? @namespace[(CoreNamespace.Length + 1)..].Split('.')[0]
            : null;
}
