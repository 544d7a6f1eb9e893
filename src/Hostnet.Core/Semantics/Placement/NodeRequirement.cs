using System.Globalization;
using System.Text.RegularExpressions;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// One requirement on a node: on a label (<c>nodeSelector</c>, <c>matchExpressions</c>) or on a field
/// (<c>matchFields</c>, where only <c>metadata.name</c> exists). Mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity
/// (nodeSelectorRequirementsAsSelector, nodeSelectorRequirementsAsFieldSelector).
/// </summary>
/// <param name="Key">The label key, or the field path.</param>
/// <param name="Operator"><c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>, <c>Gt</c> or <c>Lt</c>.</param>
/// <param name="Values">The values the operator compares with.</param>
/// <param name="IsField">Whether <paramref name="Key"/> names a field rather than a label.</param>
public sealed partial record NodeRequirement(string Key, string Operator, IReadOnlyList<string> Values, bool IsField)
{
    /// <summary>The one node field a node selector may test.</summary>
    public const string NameField = "metadata.name";

    /// <summary>The label the kubelet sets to the node's host name: one node per value.</summary>
    public const string HostnameLabel = "kubernetes.io/hostname";

    public static NodeRequirement Equal(string label, string value) => new(label, "In", [value], IsField: false);

    public static NodeRequirement NameIs(string nodeName) => new(NameField, "In", [nodeName], IsField: true);

    /// <summary>
    /// Whether the node meets it. An unknown operator, a malformed number or, on a label, a value that is no valid label
    /// value matches nothing, as upstream (labels.NewRequirement rejects it and the term matches no node:
    /// node_affinity_test.go "Pod with an invalid value in Affinity term won't be scheduled onto the node").
    /// </summary>
    public bool Matches(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!IsField && !Values.All(IsLabelValue))
        {
            return false;
        }

        string? value = null;
        var has = IsField
            ? Key == NameField && (value = node.Name) is not null
            : node.Metadata.Labels.TryGetValue(Key, out value);
        return Operator switch
        {
            "In" => has && Values.Contains(value!),
            "NotIn" => !has || !Values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && Bound() is { } lower && ParseNumber(value!) is { } gt && gt > lower,
            "Lt" => has && Bound() is { } upper && ParseNumber(value!) is { } lt && lt < upper,
            _ => false,
        };
    }

    /// <summary>The single number of a <c>Gt</c> or <c>Lt</c> requirement, or null when it is malformed.</summary>
    public long? Bound() => Values.Count == 1 ? ParseNumber(Values[0]) : null;

    public static long? ParseNumber(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>apimachinery IsValidLabelValue: empty, or up to 63 alphanumerics, '-', '_' and '.' with alphanumeric ends.</summary>
    private static bool IsLabelValue(string value) => value.Length <= 63 && LabelValuePattern().IsMatch(value);

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValuePattern();
}
