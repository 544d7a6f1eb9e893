namespace Hostnet.Core.Audit;

/// <summary>A namespace's Pod Security Admission levels (<c>privileged</c>, <c>baseline</c>, <c>restricted</c>).</summary>
/// <param name="Known">Whether the snapshot holds the Namespace; without it the levels are the built-in defaults.</param>
public sealed record NamespaceSecurity(string Enforce, string Audit, string Warn, bool Known)
{
    public override string ToString() =>
        (Enforce == Audit && Audit == Warn ? Enforce : $"enforce {Enforce}, audit {Audit}, warn {Warn}") + (Known ? string.Empty : " (namespace not in snapshot)");
}
