using Hostnet.Core.Loading;

namespace Hostnet.Core.Fixing;

/// <summary>The edits planned for one document of a file.</summary>
public sealed record DocumentEdits(ManifestDocument Document, IReadOnlyList<FieldEdit> Edits);
