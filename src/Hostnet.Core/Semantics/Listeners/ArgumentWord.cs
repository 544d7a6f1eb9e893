using System.Globalization;

namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A word of a container's command or args, with the item it came from (its path is built only when needed).</summary>
/// <param name="Text">The word.</param>
/// <param name="ContainerPath">The container: <c>spec.containers[0]</c>.</param>
/// <param name="List">The list: <see cref="CommandList"/> or <see cref="ArgsList"/>.</param>
/// <param name="Index">The item's index in the list.</param>
internal readonly record struct ArgumentWord(string Text, string ContainerPath, string List, int Index)
{
    public const string CommandList = "command";

    public const string ArgsList = "args";

    public string Path => string.Create(CultureInfo.InvariantCulture, $"{ContainerPath}.{List}[{Index}]");
}
