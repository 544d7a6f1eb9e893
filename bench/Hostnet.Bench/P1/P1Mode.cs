namespace Hostnet.Bench.P1;

/// <summary>One thing the P1 child times: a key for the protocol, a label for the report, and the work.</summary>
internal sealed record P1Mode(string Key, string Label, Func<string, long> Run);
