namespace Hostnet.Core.Admission;

/// <summary>What the webhook does with what it finds (<c>mode:</c> in the policy file).</summary>
public enum PolicyMode
{
    /// <summary>Deny what the policy denies, warn and audit the rest, apply the mutations that are on.</summary>
    Enforce,

    /// <summary>Admit everything: what would be denied becomes a warning; mutations still apply.</summary>
    Warn,

    /// <summary>Observe only: admit everything unchanged, record findings as audit annotations, logs and metrics.</summary>
    DryRun,
}
