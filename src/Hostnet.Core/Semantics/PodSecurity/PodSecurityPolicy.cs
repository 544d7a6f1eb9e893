namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// The Pod Security policy of a namespace: what is enforced on Pods, and what is audited and warned about.
/// Mirrors pod-security-admission api/helpers.go (<c>PolicyToEvaluate</c>, <c>ParseLevel</c>) with the built-in
/// AdmissionConfiguration defaults (every mode <c>privileged:latest</c>).
/// </summary>
internal sealed record PodSecurityPolicy(LevelVersion Enforce, LevelVersion Audit, LevelVersion Warn)
{
    public const string LabelPrefix = "pod-security.kubernetes.io/";
    public const string EnforceLevelLabel = LabelPrefix + "enforce";
    public const string EnforceVersionLabel = LabelPrefix + "enforce-version";
    public const string AuditLevelLabel = LabelPrefix + "audit";
    public const string AuditVersionLabel = LabelPrefix + "audit-version";
    public const string WarnLevelLabel = LabelPrefix + "warn";
    public const string WarnVersionLabel = LabelPrefix + "warn-version";

    /// <summary>The built-in defaults: nothing is enforced, audited or warned about.</summary>
    public static PodSecurityPolicy Privileged { get; } = new(LevelVersion.PrivilegedLatest, LevelVersion.PrivilegedLatest, LevelVersion.PrivilegedLatest);

    /// <summary>Whether no mode evaluates anything (admission short-circuits).</summary>
    public bool FullyPrivileged =>
        Enforce.Level == PodSecurityLevel.Privileged && Audit.Level == PodSecurityLevel.Privileged && Warn.Level == PodSecurityLevel.Privileged;

    /// <summary>
    /// Resolves a namespace's labels over the defaults. An invalid enforce level fails closed (<c>restricted</c>), an
    /// invalid audit or warn level fails open (<c>privileged</c>), an invalid version means <c>latest</c>. When
    /// <c>warn</c> is unset and a valid <c>enforce</c> is stricter, warn follows enforce (and its version, unless
    /// <c>warn-version</c> is set).
    /// </summary>
    public static PodSecurityPolicy FromLabels(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var policy = Privileged;
        var enforceLevelValid = false;
        if (labels.TryGetValue(EnforceLevelLabel, out var enforce))
        {
            enforceLevelValid = TryParseLevel(enforce, out var level);
            policy = policy with { Enforce = policy.Enforce with { Level = enforceLevelValid ? level : PodSecurityLevel.Restricted } };
        }

        if (labels.TryGetValue(EnforceVersionLabel, out var enforceVersion))
        {
            policy = policy with { Enforce = policy.Enforce with { Version = ParseVersion(enforceVersion) } };
        }

        if (labels.TryGetValue(AuditLevelLabel, out var audit))
        {
            policy = policy with { Audit = policy.Audit with { Level = TryParseLevel(audit, out var level) ? level : PodSecurityLevel.Privileged } };
        }

        if (labels.TryGetValue(AuditVersionLabel, out var auditVersion))
        {
            policy = policy with { Audit = policy.Audit with { Version = ParseVersion(auditVersion) } };
        }

        var hasWarnLevel = labels.TryGetValue(WarnLevelLabel, out var warn);
        if (hasWarnLevel)
        {
            policy = policy with { Warn = policy.Warn with { Level = TryParseLevel(warn!, out var level) ? level : PodSecurityLevel.Privileged } };
        }

        var hasWarnVersion = labels.TryGetValue(WarnVersionLabel, out var warnVersion);
        if (hasWarnVersion)
        {
            policy = policy with { Warn = policy.Warn with { Version = ParseVersion(warnVersion!) } };
        }

        if (!hasWarnLevel && enforceLevelValid && policy.Enforce.Level > policy.Warn.Level)
        {
            policy = policy with { Warn = new LevelVersion(policy.Enforce.Level, hasWarnVersion ? policy.Warn.Version : policy.Enforce.Version) };
        }

        return policy;
    }

    private static bool TryParseLevel(string text, out PodSecurityLevel level)
    {
        (var valid, level) = text switch
        {
            "privileged" => (true, PodSecurityLevel.Privileged),
            "baseline" => (true, PodSecurityLevel.Baseline),
            "restricted" => (true, PodSecurityLevel.Restricted),
            _ => (false, PodSecurityLevel.Restricted),
        };
        return valid;
    }

    private static PodSecurityVersion ParseVersion(string text) =>
        PodSecurityVersion.TryParse(text, out var version) ? version : PodSecurityVersion.Latest;
}
