using Hostnet.Core.Editing;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Fixing;

/// <summary>One input after fixing.</summary>
/// <param name="Original">The input as read.</param>
/// <param name="Text">The fixed text (the original text when nothing applied).</param>
/// <param name="Applied">The edits now in the text, over every round.</param>
public sealed record FixedFile(SourceFile Original, string Text, IReadOnlyList<FieldEdit> Applied)
{
    public bool Changed => !string.Equals(Original.Text, Text, StringComparison.Ordinal);
}
