namespace Hostnet.Core.Diagnostics;

/// <summary>How bad a finding is; ordered so that a comparison answers "at least as bad as".</summary>
public enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}
