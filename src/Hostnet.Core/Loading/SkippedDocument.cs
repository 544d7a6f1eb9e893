using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>A document that is not a Kubernetes object (a kustomization, Helm values, …), skipped quietly.</summary>
public sealed record SkippedDocument(string File, SourcePosition Position, string Reason);
