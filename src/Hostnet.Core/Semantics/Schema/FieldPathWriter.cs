using System.Globalization;
using System.Text;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>Writes paths the two ways the API server's errors do.</summary>
internal static class FieldPathWriter
{
    /// <summary>
    /// The path as strict decoding and field validation write it:
    /// <c>spec.template.spec.containers[0].hostNetwork</c>, map keys in brackets.
    /// </summary>
    public static string Kubernetes(IReadOnlyList<PathSegment> path, int count, string? lastField = null)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var segment = path[i];
            if (segment.IsField)
            {
                AppendField(builder, segment.Name!);
            }
            else if (segment.Name is not null)
            {
                builder.Append('[').Append(segment.Name).Append(']');
            }
            else
            {
                builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        if (lastField is not null)
        {
            AppendField(builder, lastField);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The path as Go's encoding/json writes it in an <c>UnmarshalTypeError</c>: field names only, no indices or map keys
    /// (<c>spec.template.spec.containers.ports.containerPort</c>).
    /// </summary>
    public static string Go(IReadOnlyList<PathSegment> path)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i].IsField)
            {
                AppendField(builder, path[i].Name!);
            }
        }

        return builder.ToString();
    }

    private static void AppendField(StringBuilder builder, string name)
    {
        if (builder.Length > 0)
        {
            builder.Append('.');
        }

        builder.Append(name);
    }
}
