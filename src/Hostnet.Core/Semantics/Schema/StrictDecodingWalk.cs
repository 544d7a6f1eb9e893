using System.Globalization;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>
/// One walk over one object, comparing it with its schema as Go's encoding/json (through sigs.k8s.io/json, strict and
/// case-sensitive) would while decoding it. Paths and messages are built only for findings, and the path holds only
/// the collections the walk is in: a scalar's own segment is added only to report it (most values are scalars, and
/// a segment pushed and popped for each was a cost of every walk, issue 16).
/// </summary>
/// <param name="path">The collections the walk is in, empty at the start: a list the caller may reuse from walk to walk.</param>
internal sealed class StrictDecodingWalk(List<PathSegment> path)
{
    private readonly List<PathSegment> _path = path;
    private List<SchemaViolation>? _violations;

    public IReadOnlyList<SchemaViolation> Violations => (IReadOnlyList<SchemaViolation>?)_violations ?? [];

    public void CheckStruct(SourceMapping mapping, SchemaStruct schema)
    {
        foreach (var entry in mapping.Entries)
        {
            if (schema.TryGetField(entry.Key, out var type))
            {
                CheckEntryValue(entry, type, schema, PathSegment.Field(entry.Key, schema));
            }
            else
            {
                ReportUnknownField(entry.Key, entry.KeyPosition, schema);
            }
        }
    }

    /// <summary>
    /// Checks a mapping entry's value, at <paramref name="segment"/> below the path: a scalar where a scalar belongs is
    /// read in place (kept inline, no node made); a scalar where a collection belongs is rare and goes through
    /// <see cref="CheckValue"/> as a node.
    /// </summary>
    private void CheckEntryValue(in MappingEntry entry, SchemaType type, SchemaStruct owner, in PathSegment segment)
    {
        if (!(entry.TryGetScalar(out var scalar) && CheckScalarInPlace(scalar, type, owner, segment)))
        {
            CheckValueAt(entry.Value, type, owner, segment);
        }
    }

    /// <summary>Checks a value that is not a scalar where a scalar belongs, with its segment on the path.</summary>
    private void CheckValueAt(SourceNode node, SchemaType type, SchemaStruct owner, in PathSegment segment)
    {
        _path.Add(segment);
        CheckValue(node, type, owner);
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>
    /// Checks a scalar where a scalar belongs, read in place, at <paramref name="segment"/> below the path (added to it
    /// only to report the scalar); false (nothing checked) where a collection belongs.
    /// </summary>
    private bool CheckScalarInPlace(ScalarView scalar, SchemaType type, SchemaStruct owner, in PathSegment segment)
    {
        if (type.Kind is SchemaValueKind.Struct or SchemaValueKind.Array or SchemaValueKind.Map)
        {
            return false;
        }

        if (type.Kind != SchemaValueKind.Any && !Fits(scalar, type, out var kind, out var numberText))
        {
            _path.Add(segment);
            ReportWrongType(scalar.ToNode(), type, owner, kind, numberText);
            _path.RemoveAt(_path.Count - 1);
        }

        return true;
    }

    /// <summary>Checks a field's value; <c>owner</c> is the struct that declares the field (Go's error names it).</summary>
    private void CheckValue(SourceNode node, SchemaType type, SchemaStruct owner)
    {
        switch (type.Kind)
        {
            case SchemaValueKind.Any:
                return;
            case SchemaValueKind.Struct:
                if (node is SourceMapping mapping)
                {
                    CheckStruct(mapping, type.Struct!);
                }
                else
                {
                    CheckCollectionMismatch(node, type, owner);
                }

                return;
            case SchemaValueKind.Array:
                if (node is SourceSequence sequence)
                {
                    for (var i = 0; i < sequence.Count; i++)
                    {
                        var segment = PathSegment.Item(i);
                        if (!(sequence.TryGetScalar(i, out var item) && CheckScalarInPlace(item, type.Element!, owner, segment)))
                        {
                            CheckValueAt(sequence[i], type.Element!, owner, segment);
                        }
                    }
                }
                else
                {
                    CheckCollectionMismatch(node, type, owner);
                }

                return;
            case SchemaValueKind.Map:
                if (node is SourceMapping map)
                {
                    foreach (var entry in map.Entries)
                    {
                        CheckEntryValue(entry, type.Element!, owner, PathSegment.MapKey(entry.Key));
                    }
                }
                else
                {
                    CheckCollectionMismatch(node, type, owner);
                }

                return;
            default:
                if (node is SourceScalar scalar)
                {
                    if (!Fits(scalar.View, type, out var kind, out var numberText))
                    {
                        ReportWrongType(scalar, type, owner, kind, numberText);
                    }
                }
                else
                {
                    ReportWrongType(node, type, owner, ScalarKind.Null, numberText: null);
                }

                return;
        }
    }

    /// <summary>A scalar where an object or array belongs; null is fine (Go leaves the zero value).</summary>
    private void CheckCollectionMismatch(SourceNode node, SchemaType type, SchemaStruct owner)
    {
        var kind = node is SourceScalar scalar ? ScalarClassifier.Classify(scalar.View, out _) : ScalarKind.Null;
        if (node is SourceScalar && kind == ScalarKind.Null)
        {
            return;
        }

        ReportWrongType(node, type, owner, kind, numberText: null);
    }

    /// <summary>
    /// Whether a scalar decodes into a field of <paramref name="type"/> (a scalar type); if not, its JSON type and,
    /// for a number that does not fit an integer field, the number as JSON writes it.
    /// </summary>
    private static bool Fits(ScalarView scalar, SchemaType type, out ScalarKind kind, out string? numberText)
    {
        kind = ScalarClassifier.Classify(scalar, out var integer);
        numberText = null;
        if (kind == ScalarKind.Null)
        {
            return true;
        }

        switch (type.Kind)
        {
            case SchemaValueKind.String or SchemaValueKind.Time when kind == ScalarKind.String:
            case SchemaValueKind.Boolean when kind == ScalarKind.Boolean:
            case SchemaValueKind.Quantity when kind is ScalarKind.String or ScalarKind.Integer or ScalarKind.Float:
            case SchemaValueKind.IntOrString when kind == ScalarKind.String:
                return true;
            case SchemaValueKind.Int32 or SchemaValueKind.Int64 or SchemaValueKind.IntOrString
                when kind is ScalarKind.Integer or ScalarKind.Float:
                return IntegerFits(scalar, type, kind, integer, out numberText);
            default:
                return false;
        }
    }

    /// <summary>
    /// A YAML number becomes a JSON number: a float with no fraction (<c>2.0</c>, <c>1e3</c>) is written as an integer
    /// and decodes into an integer field; anything else fails as <c>number 1.5</c> (<paramref name="text"/>).
    /// </summary>
    private static bool IntegerFits(ScalarView scalar, SchemaType type, ScalarKind kind, long integer, out string? text)
    {
        text = null;
        if (kind == ScalarKind.Integer)
        {
            if (type.Kind == SchemaValueKind.Int64 || integer is >= int.MinValue and <= int.MaxValue)
            {
                return true;
            }

            text = integer.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        ScalarClassifier.TryReadFloat(scalar, out var number);
        var integral = Math.Floor(number) == number && !double.IsInfinity(number);
        var fits = type.Kind == SchemaValueKind.Int64 ? Math.Abs(number) < 9.2e18 : number is >= int.MinValue and <= int.MaxValue;
        if (integral && fits)
        {
            return true;
        }

        text = ScalarClassifier.FormatNumber(number);
        return false;
    }

    private void ReportUnknownField(string key, SourcePosition keyPosition, SchemaStruct schema)
    {
        var path = FieldPathWriter.Kubernetes(_path, _path.Count, key);
        Add(new SchemaViolation(
            path,
            keyPosition,
            SchemaViolationKind.UnknownField,
            SchemaMessages.UnknownField(path),
            SchemaHints.ForUnknownField(key, schema, _path))
        {
            Spelling = SchemaHints.SameNameIgnoringCase(key, schema),
        });
    }

    /// <summary>
    /// Reports a value of the wrong type. <c>kind</c> is the scalar's JSON type (ignored for a mapping or a sequence);
    /// <c>numberText</c> is set for a number that does not fit an integer field, as JSON writes it.
    /// </summary>
    private void ReportWrongType(SourceNode node, SchemaType type, SchemaStruct owner, ScalarKind kind, string? numberText)
    {
        var path = FieldPathWriter.Kubernetes(_path, _path.Count);
        var (goValue, actual) = Describe(node, kind, numberText);
        var message = owner.GoName is not null && type.GoType is not null
            ? SchemaMessages.GoTypeError(goValue, owner.GoName, FieldPathWriter.Go(_path), type.GoType)
            : SchemaMessages.Expected(path, type.Description, actual);
        Add(new SchemaViolation(path, node.Position, SchemaViolationKind.WrongType, message, SchemaHints.ForWrongType(node, type, kind)));
    }

    /// <summary>The value as Go's UnmarshalTypeError names it, and as our own message shows it.</summary>
    private static (string GoValue, string Actual) Describe(SourceNode node, ScalarKind kind, string? numberText)
    {
        switch (node)
        {
            case SourceMapping:
                return ("object", "object");
            case SourceSequence:
                return ("array", "array");
            case SourceScalar scalar when kind == ScalarKind.Boolean:
                scalar.TryGetBoolean(out var flag);
                return ("bool", flag ? "boolean true" : "boolean false");
            case SourceScalar scalar when kind is ScalarKind.Integer or ScalarKind.Float:
                return (numberText is null ? "number" : "number " + numberText, "number " + (numberText ?? scalar.Value));
            case SourceScalar scalar:
                return ("string", "string \"" + scalar.Value + "\"");
            default:
                return ("null", "null");
        }
    }

    private void Add(SchemaViolation violation) => (_violations ??= []).Add(violation);
}
