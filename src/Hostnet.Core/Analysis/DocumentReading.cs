using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Analysis;

/// <summary>What reading one document gave a check: its typed object (null for kinds hostnet does not model) and where it breaks the API schema.</summary>
internal sealed record DocumentReading(KubeObject? Object, IReadOnlyList<SchemaViolation> Violations);
