using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;
using Hostnet.Core.Rules.Api;

namespace Hostnet.Core.Analysis;

/// <summary>Runs the rules over loaded input: the whole of <c>hostnet check</c> without I/O.</summary>
public sealed class ManifestChecker(AnalysisOptions options, IReadOnlyList<IRule> rules)
{
    public ManifestChecker(AnalysisOptions options)
        : this(options, RuleCatalog.Rules)
    {
    }

    public CheckReport Check(IReadOnlyList<LoadResult> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var objects = new List<KubeObject>();
        foreach (var document in inputs.SelectMany(i => i.Documents))
        {
            if (ObjectReader.Read(document) is { } subject)
            {
                objects.Add(subject);
            }
        }

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
