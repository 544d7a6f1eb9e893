using System.Text;

namespace Hostnet.Bench.Workload;

/// <summary>Writes block YAML line by line, two spaces per level, LF endings.</summary>
internal sealed class YamlEmitter
{
    private readonly StringBuilder _text = new();

    public int Length => _text.Length;

    /// <summary>A line at <paramref name="level"/>: <c>key: value</c>, <c>key:</c> or <c>- item</c>.</summary>
    public YamlEmitter Line(int level, string text)
    {
        _text.Append(' ', level * 2).Append(text).Append('\n');
        return this;
    }

    public YamlEmitter Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public void Clear() => _text.Clear();

    public override string ToString() => _text.ToString();
}
