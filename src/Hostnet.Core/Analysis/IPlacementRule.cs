namespace Hostnet.Core.Analysis;

/// <summary>
/// A rule that places pods on <see cref="AnalysisContext.RunningCluster"/>. Placing changes that simulation, so
/// these rules run one after another, in catalogue order, while the other rules run beside them.
/// </summary>
internal interface IPlacementRule : IRule;
