using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>What loading some input produced.</summary>
public sealed record LoadResult(
    IReadOnlyList<ManifestDocument> Documents,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyList<SkippedDocument> Skipped);
