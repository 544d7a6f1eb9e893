using System.Globalization;
using System.Text;

namespace Hostnet.Core.Diagnostics;

/// <summary>
/// A text a rule prints, a message or a fix, with numbered placeholders (<c>{0}</c>) the report site fills in, as
/// Roslyn's <c>DiagnosticDescriptor.MessageFormat</c>. Each rule declares its texts beside its descriptor, which lists
/// them (<see cref="RuleDescriptor.Messages"/>, <see cref="RuleDescriptor.Fixes"/>), so that the rule's page and a reader
/// find every sentence the rule can print in one place. A text may be a part of a message, said only in some cases.
/// </summary>
public sealed class RuleText
{
    private readonly CompositeFormat _format;

    private string? _text;

    /// <param name="name">What the text says, e.g. <c>PortTaken</c>.</param>
    /// <param name="format">The text, with <c>{0}</c>, <c>{1}</c>… where the finding's values go.</param>
    public RuleText(string name, string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(format);
        Name = name;
        Format = format;
        _format = CompositeFormat.Parse(format);
    }

    public string Name { get; }

    public string Format { get; }

    /// <summary>How many values the text takes.</summary>
    public int Placeholders => _format.MinimumArgumentCount;

    /// <summary>The text of one that takes no values, formatted once: rules ask for it with every finding.</summary>
    public string Text => _text ??= With();

    /// <summary>The text with its placeholders filled in (numbers as the invariant culture writes them).</summary>
    public string With(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Placeholders)
        {
            throw new ArgumentException($"the text {Name} takes {Placeholders} value(s), not {values.Length}", nameof(values));
        }

        return string.Format(CultureInfo.InvariantCulture, _format, values);
    }

    public override string ToString() => Name + ": " + Format;
}
