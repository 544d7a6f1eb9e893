using Hostnet.Core.Semantics.Schema;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

public sealed class SchemaStructTests
{
    /// <summary>
    /// <see cref="SchemaStruct.TryGetField"/> looks a key up among the fields of its length: for every struct of the
    /// embedded schema it must find each field's type, and nothing for names that are not fields (another case, one
    /// character more or less or changed), as the fields' dictionary answers.
    /// </summary>
    [Fact]
    public void TryGetField_EveryStructOfTheSchema_AnswersAsItsFields()
    {
        var structs = Reachable(ApiSchema.Default);
        structs.Count.ShouldBeGreaterThan(100);
        var looked = 0;
        foreach (var structure in structs)
        {
            foreach (var (name, type) in structure.Fields)
            {
                structure.TryGetField(name, out var found).ShouldBeTrue($"{structure.Name}.{name}");
                found.ShouldBeSameAs(type);
                foreach (var other in (string[])["", name.ToUpperInvariant(), name[..^1], name + "s", "x" + name[1..], name[..^1] + "x", name + name])
                {
                    structure.TryGetField(other, out var otherType).ShouldBe(structure.Fields.ContainsKey(other), $"{structure.Name}.{other}");
                    otherType.ShouldBe(structure.Fields.GetValueOrDefault(other));
                    looked++;
                }
            }
        }

        looked.ShouldBeGreaterThan(1000);
    }

    /// <summary>Every struct the schema's kinds reach through their fields.</summary>
    private static HashSet<SchemaStruct> Reachable(ApiSchema schema)
    {
        var found = new HashSet<SchemaStruct>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<SchemaStruct>();
        foreach (var kind in schema.Kinds)
        {
            schema.TryGetRoot(kind.ApiVersion, kind.Kind, out var root).ShouldBeTrue();
            pending.Push(root!);
        }

        while (pending.TryPop(out var structure))
        {
            if (!found.Add(structure))
            {
                continue;
            }

            foreach (var type in structure.Fields.Values)
            {
                var inner = type;
                while (inner.Element is { } element)
                {
                    inner = element;
                }

                if (inner.Struct is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }
}
