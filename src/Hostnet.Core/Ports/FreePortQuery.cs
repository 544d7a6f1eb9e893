namespace Hostnet.Core.Ports;

/// <summary>The answer to <c>--free FROM-TO</c>: the free ranges of <paramref name="Protocol"/> on every one of <paramref name="Nodes"/>.</summary>
public sealed record FreePortQuery(string Protocol, int From, int To, IReadOnlyList<string> Nodes, IReadOnlyList<(int From, int To)> Free);
