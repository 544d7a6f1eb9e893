namespace Hostnet.Bench.P5;

/// <summary>One start-up measurement: a labelled command line with extra environment and the exit codes it may give.</summary>
internal sealed record StartupCase(string Label, string Program, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<int> ExitCodes);
