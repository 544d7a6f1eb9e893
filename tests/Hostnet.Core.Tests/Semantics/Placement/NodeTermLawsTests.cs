using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Placement;

/// <summary>
/// The symbolic overlap test against concrete nodes, exhaustively over a small universe of requirements on one label:
/// it never calls two terms disjoint when a node meets both (soundness), and without numeric operators it calls them
/// overlapping only when some node does (exactness).
/// </summary>
public sealed class NodeTermLawsTests
{
    private static readonly string[] Values = ["x", "y", "1", "5"];

    private static readonly string?[] NodeValues = [null, "x", "y", "1", "3", "5", "9", "other"];

    private static IEnumerable<NodeRequirement> Requirements()
    {
        var sets = new[] { new[] { "x" }, ["y"], ["x", "y"], ["1", "5"] };
        foreach (var op in new[] { "In", "NotIn" })
        {
            foreach (var set in sets)
            {
                yield return new NodeRequirement("a", op, set, IsField: false);
            }
        }

        yield return new NodeRequirement("a", "Exists", [], IsField: false);
        yield return new NodeRequirement("a", "DoesNotExist", [], IsField: false);
        foreach (var bound in Values.Where(v => NodeRequirement.ParseNumber(v) is not null))
        {
            yield return new NodeRequirement("a", "Gt", [bound], IsField: false);
            yield return new NodeRequirement("a", "Lt", [bound], IsField: false);
        }
    }

    private static Node NodeWith(string? value) =>
        Objects.Node("n", value is null ? "{}" : $"{{a: \"{value}\"}}");

    [Fact]
    public void IsSatisfiableWith_AgreesWithConcreteNodes()
    {
        var requirements = Requirements().ToArray();
        var nodes = NodeValues.Select(NodeWith).ToArray();
        foreach (var first in requirements)
        {
            foreach (var second in requirements)
            {
                var a = new NodeTerm([first]);
                var b = new NodeTerm([second]);
                var common = nodes.Any(n => a.Matches(n) && b.Matches(n));
                var symbolic = a.IsSatisfiableWith(b);
                if (common)
                {
                    symbolic.ShouldBeTrue($"{first} and {second} share a node");
                }

                if (first.Operator is not ("Gt" or "Lt") && second.Operator is not ("Gt" or "Lt"))
                {
                    symbolic.ShouldBe(common, $"{first} and {second}");
                }

                a.And(b).IsSatisfiable().ShouldBe(symbolic, $"{first} and {second}: And agrees");
            }
        }
    }
}
