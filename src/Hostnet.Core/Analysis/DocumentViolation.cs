using Hostnet.Core.Documents;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Analysis;

/// <summary>A strict-decoding violation and where it stands: the document, and the object read from it when hostnet models its kind.</summary>
public sealed record DocumentViolation(ManifestDocument Document, KubeObject? Subject, SchemaViolation Violation);
