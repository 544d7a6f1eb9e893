namespace Hostnet.Bench.P1;

/// <summary>One cold end-to-end run of the real CLI over a directory: wall time, peak RSS (from GNU time) and findings.</summary>
internal sealed record CliRun(double WallMilliseconds, long? MaxRssKilobytes, int Findings, int ExitCode);
