namespace Hostnet.Core.Loading;

/// <summary>
/// One document of a stream: <paramref name="Length"/> characters of <paramref name="Source"/> from
/// <paramref name="Start"/> (a line start), and the file line it starts on. The fast path reads it in place;
/// <see cref="Text"/> copies it out for the general path.
/// </summary>
internal readonly record struct DocumentChunk(string Source, int Start, int Length, int FirstLine)
{
    public DocumentChunk(string text)
        : this(text, 0, text.Length, 1)
    {
    }

    public string Text => Start == 0 && Length == Source.Length ? Source : Source.Substring(Start, Length);
}
