namespace Hostnet.Bench.Measurement;

/// <summary>What a finished child process left: exit code, output, and its wall time in milliseconds.</summary>
internal sealed record ChildResult(int ExitCode, string Output, string Error, double WallMilliseconds);
