using System.Globalization;
using System.Text.RegularExpressions;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// A policy version: <c>latest</c> or <c>v1.&lt;minor&gt;</c>. Mirrors pod-security-admission api/helpers.go
/// (<c>Version</c>, <c>ParseVersion</c>): <c>latest</c> is newer than every numbered version.
/// </summary>
internal readonly partial record struct PodSecurityVersion
{
    private PodSecurityVersion(int minor, bool isLatest)
    {
        Minor = minor;
        IsLatest = isLatest;
    }

    public static PodSecurityVersion Latest { get; } = new(0, isLatest: true);

    public int Minor { get; }

    public bool IsLatest { get; }

    public static PodSecurityVersion V1(int minor) => new(minor, isLatest: false);

    /// <summary>
    /// Parses a version label; anything but <c>latest</c> or <c>^v1\.([0-9]|[1-9][0-9]*)$</c> (including a minor too
    /// large for an int, which Go's <c>strconv.Atoi</c> rejects) is invalid and evaluates as latest.
    /// </summary>
    public static bool TryParse(string text, out PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = Latest;
        if (text == "latest")
        {
            return true;
        }

        var match = Pattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = V1(minor);
        return true;
    }

    /// <summary>Whether a check that applies from <paramref name="minimum"/> on is part of this version.</summary>
    public bool Includes(PodSecurityVersion minimum) => IsLatest || (!minimum.IsLatest && Minor >= minimum.Minor);

    /// <summary>Whether this version is 1.<paramref name="minor"/> or newer (a check revision's gate).</summary>
    public bool IsAtLeast(int minor) => IsLatest || Minor >= minor;

    /// <summary>
    /// The version a cluster evaluates: <c>latest</c>, and any version newer than the cluster, resolve to the cluster's
    /// own minor (policy/registry.go clamps to the newest check revision it has, and each revision first shipped in the
    /// release of its number, so the results are the same).
    /// </summary>
    public PodSecurityVersion ResolvedFor(Model.KubeVersion cluster) =>
        IsLatest || Minor > cluster.Minor ? V1(cluster.Minor) : this;

    public override string ToString() => IsLatest ? "latest" : string.Create(CultureInfo.InvariantCulture, $"v1.{Minor}");

    [GeneratedRegex(@"^v1\.([0-9]|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
