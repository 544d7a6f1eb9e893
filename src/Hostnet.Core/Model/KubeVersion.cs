using System.Globalization;

namespace Hostnet.Core.Model;

/// <summary>A Kubernetes minor version; selects version-dependent behaviour (SEMANTICS.md marks it [vX.Y]).</summary>
public readonly record struct KubeVersion(int Major, int Minor) : IComparable<KubeVersion>
{
    /// <summary>The newest release whose behaviour hostnet mirrors; the default.</summary>
    public static KubeVersion Latest { get; } = new(1, 37);

    /// <summary>
    /// The oldest release whose behaviour hostnet mirrors: SEMANTICS.md traces every version-dependent message and
    /// default back to 1.24 (the scheduler's FitError wording, kube-proxy's port holding, Pod Security's levels), not
    /// further. Older versions are refused rather than answered with a newer release's behaviour.
    /// </summary>
    public static KubeVersion Oldest { get; } = new(1, 24);

    public static bool operator <(KubeVersion left, KubeVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(KubeVersion left, KubeVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(KubeVersion left, KubeVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(KubeVersion left, KubeVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Parses <c>1.28</c>, <c>v1.28</c> or <c>v1.28.3</c>.</summary>
    public static bool TryParse(string? text, out KubeVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().TrimStart('v').Split('.');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || major != 1)
        {
            return false;
        }

        version = new KubeVersion(major, minor);
        return true;
    }

    public int CompareTo(KubeVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";
}
