using Hostnet.Core.Analysis;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>What a run works with: its options and the cluster snapshot it was given (null when none).</summary>
internal sealed record RunContext(AnalysisOptions Options, ClusterSnapshot? Cluster);
