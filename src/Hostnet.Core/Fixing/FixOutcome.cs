using Hostnet.Core.Analysis;

namespace Hostnet.Core.Fixing;

/// <summary>What fixing some inputs did.</summary>
/// <param name="Files">Every input, in input order, fixed or not.</param>
/// <param name="Report">The check of the fixed texts: what is left.</param>
public sealed record FixOutcome(IReadOnlyList<FixedFile> Files, CheckReport Report);
