using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Analysis;

/// <summary>Runs the rules over loaded input: the whole of <c>hostnet check</c> without I/O. The rules are the caller's (hostnet's own: <c>RuleCatalog.Rules</c>).</summary>
public sealed class ManifestChecker(AnalysisOptions options, IReadOnlyList<IRule> rules)
{
    /// <summary>Below this many documents, threads cost more than they save.</summary>
    private const int ParallelDocuments = 64;

    /// <summary>The rules that configuration does not switch off, chosen once: a checker kept per policy (admission) checks many inputs.</summary>
    private readonly IRule[] _enabled = [.. rules.Where(r => options.Runs(r.Descriptor))];

    /// <summary>What the checks run with.</summary>
    public AnalysisOptions Options => options;

    /// <summary>The cluster to check against: its nodes are the nodes the placement rules reason about.</summary>
    public ClusterSnapshot Cluster { get; init; } = ClusterSnapshot.Empty;

    /// <summary>The scheduler's view of <see cref="Cluster"/>, started already (<see cref="AnalysisContext.PrebuiltRunningCluster"/>).</summary>
    public Task<ClusterSimulation>? PrebuiltRunningCluster { get; init; }

    public CheckReport Check(IReadOnlyList<LoadResult> inputs) => Check(inputs, readings: null, out _);

    /// <param name="inputs">What was loaded.</param>
    /// <param name="run">
    /// The run's context, with the objects read from the input in its order and what the rules worked out of them
    /// (<see cref="AnalysisContext.HostPortsOf"/>): for a caller that goes on with them (admission's policy checks)
    /// instead of reading them again.
    /// </param>
    public CheckReport Check(IReadOnlyList<LoadResult> inputs, out AnalysisContext run) =>
        Check(inputs, readings: null, out run);

    /// <summary>
    /// <see cref="Check(IReadOnlyList{LoadResult})"/>, reusing what earlier checks read of the same documents (by
    /// reference: a document reads the same way every time) and adding what this one reads: a fix's later rounds
    /// read only the documents they changed. The caller removes the documents it drops.
    /// </summary>
    internal CheckReport Check(IReadOnlyList<LoadResult> inputs, Dictionary<ManifestDocument, DocumentReading>? readings, out AnalysisContext run)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Reading the model is per document, so a large input is spread over the cores; the order stays the input's.
        var documents = inputs.Count == 1 ? [.. inputs[0].Documents] : inputs.SelectMany(i => i.Documents).ToArray();
        var read = new KubeObject?[documents.Length];
        var violations = new IReadOnlyList<SchemaViolation>[documents.Length];
        var known = new bool[documents.Length];
        for (var i = 0; readings is not null && i < documents.Length; i++)
        {
            if (readings.TryGetValue(documents[i], out var reading))
            {
                (read[i], violations[i], known[i]) = (reading.Object, reading.Violations, true);
            }
        }

        if (documents.Length < ParallelDocuments)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                ReadOne(i);
            }
        }
        else
        {
            Parallel.For(0, documents.Length, ReadOne);
        }

        for (var i = 0; readings is not null && i < documents.Length; i++)
        {
            readings.TryAdd(documents[i], new DocumentReading(read[i], violations[i]));
        }

        var readObjects = new List<KubeObject>(documents.Length);
        foreach (var one in read)
        {
            if (one is not null)
            {
                readObjects.Add(one);
            }
        }

        void ReadOne(int i)
        {
            if (!known[i])
            {
                read[i] = ObjectReader.Read(documents[i]);
                violations[i] = StrictDecoder.Check(documents[i]);
            }
        }

        // In document order, as the loops over all documents gave them; most documents have none.
        var unknownFields = new List<DocumentViolation>();
        var wrongTypes = new List<DocumentViolation>();
        for (var i = 0; i < documents.Length; i++)
        {
            foreach (var violation in violations[i])
            {
                var found = new DocumentViolation(documents[i], read[i], violation);
                if (violation.Kind == SchemaViolationKind.UnknownField)
                {
                    unknownFields.Add(found);
                }
                else if (violation.Kind == SchemaViolationKind.WrongType)
                {
                    wrongTypes.Add(found);
                }
            }
        }

        var context = new AnalysisContext(readObjects, options)
        {
            Cluster = Cluster,
            PrebuiltRunningCluster = PrebuiltRunningCluster,
            UnknownFields = unknownFields,
        };
        foreach (var input in inputs)
        {
            foreach (var problem in input.Problems)
            {
                context.Add(InvalidInput.From(problem));
            }
        }

        foreach (var wrongType in wrongTypes)
        {
            context.Add(InvalidInput.From(wrongType, context));
        }

        RunEnabled(context);
        run = context;

        return new CheckReport(Sorted(context.Diagnostics), inputs.Count, inputs.Sum(i => i.Documents.Count), [.. inputs.SelectMany(i => i.Skipped)]);
    }

    /// <summary>
    /// Runs the rules over objects already read (those of a snapshot, which keep no text to decode strictly), in a
    /// context the caller keeps to add findings of its own.
    /// </summary>
    public AnalysisContext CheckObjects(IReadOnlyList<KubeObject> objects)
    {
        var context = new AnalysisContext(objects, options) { Cluster = Cluster, PrebuiltRunningCluster = PrebuiltRunningCluster };
        RunEnabled(context);

        return context;
    }

    /// <summary>Runs the rules that configuration does not switch off, spread over the cores.</summary>
    private void RunEnabled(AnalysisContext context) => RuleRun.Run(context, _enabled);

    /// <summary>Up to this many findings (one object's, an admission review's), a plain insertion sort beats LINQ's ordering machinery.</summary>
    private const int FewFindings = 16;

    private static readonly Comparer<Diagnostic> ReportOrder = Comparer<Diagnostic>.Create(Compare);

    /// <summary>
    /// Findings in the order every report prints them: by file, position, rule and message. Stable: findings equal in
    /// all of these keep their input order.
    /// </summary>
    public static Diagnostic[] Sorted(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostic[] sorted = [.. diagnostics];
        if (sorted.Length > FewFindings)
        {
            // LINQ's ordering is stable (Array.Sort is not).
            return [.. sorted.Order(ReportOrder)];
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            var next = sorted[i];
            var at = i;
            for (; at > 0 && Compare(sorted[at - 1], next) > 0; at--)
            {
                sorted[at] = sorted[at - 1];
            }

            sorted[at] = next;
        }

        return sorted;
    }

    /// <summary>The report order: file, line, column, rule, message (ordinal).</summary>
    private static int Compare(Diagnostic left, Diagnostic right)
    {
        var order = string.CompareOrdinal(left.File, right.File);
        order = order != 0 ? order : left.Position.Line.CompareTo(right.Position.Line);
        order = order != 0 ? order : left.Position.Column.CompareTo(right.Position.Column);
        order = order != 0 ? order : string.CompareOrdinal(left.Rule.Id, right.Rule.Id);
        return order != 0 ? order : string.CompareOrdinal(left.Message, right.Message);
    }
}
