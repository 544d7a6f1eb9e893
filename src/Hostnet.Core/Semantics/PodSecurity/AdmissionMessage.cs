namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>One thing Pod Security admission says about an object: its exact text and the checks that failed.</summary>
internal sealed record AdmissionMessage(LevelVersion Policy, string Text, PodSecurityResult Result);
