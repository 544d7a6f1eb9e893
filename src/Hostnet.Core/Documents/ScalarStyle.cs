namespace Hostnet.Core.Documents;

/// <summary>How a scalar was written: quoting decides whether <c>true</c> or <c>8080</c> is a string.</summary>
public enum ScalarStyle
{
    Plain,
    Quoted,
    Block,
}
