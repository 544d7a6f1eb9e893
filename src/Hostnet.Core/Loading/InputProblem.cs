using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>Input that cannot be read as Kubernetes objects, at the place where reading failed.</summary>
public sealed record InputProblem(string File, SourcePosition Position, string Message);
