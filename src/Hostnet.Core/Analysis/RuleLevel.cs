namespace Hostnet.Core.Analysis;

/// <summary>A severity set by configuration, or <see cref="Off"/> to silence a rule.</summary>
public enum RuleLevel
{
    Off,
    Info,
    Warning,
    Error,
}
