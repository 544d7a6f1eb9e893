using Hostnet.Core.Documents;


namespace Hostnet.Core.Editing;

/// <summary>The edits planned for one document of a file.</summary>
internal sealed record DocumentEdits(ManifestDocument Document, IReadOnlyList<FieldEdit> Edits);
