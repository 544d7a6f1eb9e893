namespace Hostnet.NetBench.Tests.Support;

/// <summary>
/// Tests that build network namespaces, start servers and kill runs need root and run one at a time: the leftover
/// sweep of one must not meet the half-built lab of another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RootNetworkTests
{
    public const string Name = "network namespaces (root)";
}
