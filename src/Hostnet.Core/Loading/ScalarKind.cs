namespace Hostnet.Core.Loading;

/// <summary>The JSON type a scalar resolves to.</summary>
public enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
