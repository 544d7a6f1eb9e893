namespace Hostnet.Core.Model;

/// <summary>The parts of <c>metadata</c> that hostnet reads.</summary>
public sealed record ObjectMeta(
    string? Name,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations)
{
    public static ObjectMeta Empty { get; } = new(null, null, new Dictionary<string, string>(), new Dictionary<string, string>());
}
