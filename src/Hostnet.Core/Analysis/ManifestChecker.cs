using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Rules.Api;

namespace Hostnet.Core.Analysis;

/// <summary>Runs the rules over loaded input: the whole of <c>hostnet check</c> without I/O.</summary>
public sealed class ManifestChecker(AnalysisOptions options, IReadOnlyList<IRule> rules)
{
    /// <summary>Below this many documents, threads cost more than they save.</summary>
    private const int ParallelDocuments = 64;

    public ManifestChecker(AnalysisOptions options)
        : this(options, RuleCatalog.Rules)
    {
    }

    public CheckReport Check(IReadOnlyList<LoadResult> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Reading the model is per document, so a large input is spread over the cores; the order stays the input's.
        var documents = inputs.SelectMany(i => i.Documents).ToArray();
        var read = new KubeObject?[documents.Length];
        if (documents.Length < ParallelDocuments)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                read[i] = ObjectReader.Read(documents[i]);
            }
        }
        else
        {
            Parallel.For(0, documents.Length, i => read[i] = ObjectReader.Read(documents[i]));
        }

        var objects = read.OfType<KubeObject>().ToList();

        var context = new AnalysisContext(objects, options);
        foreach (var problem in inputs.SelectMany(i => i.Problems))
        {
            context.Add(InvalidInput.From(problem));
        }

        foreach (var rule in rules)
        {
            rule.Check(context);
        }

        var sorted = context.Diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.Rule.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();
        return new CheckReport(sorted, inputs.Count, inputs.Sum(i => i.Documents.Count), [.. inputs.SelectMany(i => i.Skipped)]);
    }
}
