namespace Hostnet.Core.Editing;

/// <summary>Replace <c>[Start, End)</c> of the original text with <see cref="Text"/>; an insertion when the two are equal.</summary>
/// <param name="IsLines">The text is whole lines inserted at a line start (block style).</param>
internal sealed record TextChange(int Start, int End, string Text, IReadOnlyList<FieldEdit> Edits, bool IsLines = false);
