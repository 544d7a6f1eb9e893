using System.Globalization;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A word of a container's command or args, with the item it came from (its path is built only when needed).</summary>
/// <param name="Text">The word.</param>
/// <param name="ListPath">The list: <c>spec.containers[0].args</c>.</param>
/// <param name="Index">The item's index in the list.</param>
internal readonly record struct ArgumentWord(string Text, string ListPath, int Index)
{
    public string Path => string.Create(CultureInfo.InvariantCulture, $"{ListPath}[{Index}]");
}
