namespace Hostnet.Core.Model;

/// <summary>A pod volume: its name and the source fields written (<c>hostPath</c>, <c>configMap</c>, …).</summary>
/// <param name="Sources">The keys of the volume other than <c>name</c>; the API accepts exactly one.</param>
public sealed record Volume(string Path, string Name, IReadOnlyList<string> Sources)
{
    /// <summary>Whether the volume has the given source (<c>hostPath</c>, …).</summary>
    public bool Has(string source) => Sources.Contains(source, StringComparer.Ordinal);
}
