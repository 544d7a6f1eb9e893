using Hostnet.Core.Documents;

namespace Hostnet.Core.Editing;

/// <summary>Where each line of a text starts, to turn a loader's line and column into a character offset.</summary>
internal sealed class TextLines
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public TextLines(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The offset of <paramref name="position"/> (a column counts characters), or null when its line is not that long.</summary>
    public int? OffsetOf(SourcePosition position)
    {
        if (position.Line < 1 || position.Line > _starts.Count || position.Column < 1)
        {
            return null;
        }

        var offset = _starts[position.Line - 1] + position.Column - 1;
        var lineEnd = position.Line < _starts.Count ? _starts[position.Line] - 1 : _text.Length;
        return offset <= lineEnd ? offset : null;
    }
}
