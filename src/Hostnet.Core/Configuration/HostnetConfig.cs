using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics;

namespace Hostnet.Core.Configuration;

/// <summary>The settings of a <c>.hostnet.yaml</c>, shared by the CLI and the webhook.</summary>
public sealed record HostnetConfig
{
    public static HostnetConfig Empty { get; } = new();

    public KubeVersion? KubeVersion { get; init; }

    public string? DefaultNamespace { get; init; }

    public IReadOnlyDictionary<string, RuleLevel> Rules { get; init; } = new Dictionary<string, RuleLevel>();

    public IReadOnlyList<NodeReservedPort> ReservedPorts { get; init; } = [];

    /// <summary>Applies the configuration to options; explicit command-line values are applied after this by the caller.</summary>
    public AnalysisOptions ApplyTo(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            KubeVersion = KubeVersion ?? options.KubeVersion,
            DefaultNamespace = DefaultNamespace ?? options.DefaultNamespace,
            RuleLevels = Rules.Count == 0 ? options.RuleLevels : Rules,
            ExtraReservedPorts = [.. options.ExtraReservedPorts, .. ReservedPorts],
        };
    }
}
