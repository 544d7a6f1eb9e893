namespace Hostnet.Core.Documents;

/// <summary>The JSON type a scalar resolves to.</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
