namespace Hostnet.Core.Admission;

/// <summary>
/// Who may use a host resource: workloads in one of <see cref="Namespaces"/>, running as one of
/// <see cref="ServiceAccounts"/> (<c>namespace/name</c>), or whose every container image matches one of
/// <see cref="Images"/>. Patterns may end in <c>*</c> (a prefix match); anything else matches exactly.
/// </summary>
public sealed record HostAccess(IReadOnlyList<string> Namespaces, IReadOnlyList<string> ServiceAccounts, IReadOnlyList<string> Images)
{
    /// <summary>Whether a workload in <paramref name="namespace"/> running as <paramref name="serviceAccount"/> with <paramref name="images"/> is allowed.</summary>
    public bool Allows(string @namespace, string serviceAccount, IReadOnlyList<string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return Namespaces.Any(p => Matches(p, @namespace))
            || ServiceAccounts.Any(p => Matches(p, @namespace + "/" + serviceAccount))
            || (images.Count > 0 && Images.Count > 0 && images.All(image => Images.Any(p => Matches(p, image))));
    }

    /// <summary>The allowed parties in a sentence, for messages.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Namespaces.Count > 0)
        {
            parts.Add("namespaces " + string.Join(", ", Namespaces));
        }

        if (ServiceAccounts.Count > 0)
        {
            parts.Add("service accounts " + string.Join(", ", ServiceAccounts));
        }

        if (Images.Count > 0)
        {
            parts.Add("images " + string.Join(", ", Images));
        }

        return parts.Count == 0 ? "nobody" : string.Join("; ", parts);
    }

    private static bool Matches(string pattern, string value) => pattern.EndsWith('*')
        ? value.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
        : string.Equals(pattern, value, StringComparison.Ordinal);
}
