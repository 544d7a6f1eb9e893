namespace Hostnet.Core.Fixing;

/// <summary>Replace <c>[Start, End)</c> of the original text with <see cref="Text"/>; an insertion when the two are equal.</summary>
internal sealed record TextChange(int Start, int End, string Text, IReadOnlyList<FieldEdit> Edits);
