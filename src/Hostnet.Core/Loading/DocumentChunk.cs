namespace Hostnet.Core.Loading;

/// <summary>The text of one document of a stream and the file line it starts on.</summary>
internal readonly record struct DocumentChunk(string Text, int FirstLine);
