namespace Hostnet.Core.Editing;

/// <summary>A file's text after its edits, and which edits made it in.</summary>
/// <param name="Text">The new text; equal to the input when nothing applied.</param>
/// <param name="Applied">The edits now in the text.</param>
/// <param name="Skipped">The edits that could not be placed (a value from an alias or merge key, a clash with another edit).</param>
internal sealed record TextFix(string Text, IReadOnlyList<FieldEdit> Applied, IReadOnlyList<FieldEdit> Skipped);
