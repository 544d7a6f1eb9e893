namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>A level at a version, printed as PSA prints it: <c>baseline:latest</c> (api/helpers.go, LevelVersion.String).</summary>
internal readonly record struct LevelVersion(PodSecurityLevel Level, PodSecurityVersion Version)
{
    public static LevelVersion PrivilegedLatest { get; } = new(PodSecurityLevel.Privileged, PodSecurityVersion.Latest);

    /// <summary>The label value of a level: <c>privileged</c>, <c>baseline</c> or <c>restricted</c>.</summary>
    public static string Name(PodSecurityLevel level) => level switch
    {
        PodSecurityLevel.Privileged => "privileged",
        PodSecurityLevel.Baseline => "baseline",
        _ => "restricted",
    };

    public override string ToString() => Name(Level) + ":" + Version;
}
