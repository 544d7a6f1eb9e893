using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>Raised inside the loader only, and turned into an <see cref="InputProblem"/> at its edge.</summary>
internal sealed class InputException(SourcePosition position, string message) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
