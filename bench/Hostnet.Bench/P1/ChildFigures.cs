using System.Globalization;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P1;

/// <summary>What a P1 child printed, read back: timings, cold runs, counts, findings per rule, phases, peaks.</summary>
internal sealed class ChildFigures
{
    public Dictionary<string, Samples> Times { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Cold { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Samples> GcPauses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Allocated { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Results { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Rules { get; } = new(StringComparer.Ordinal);

    public List<(string Phase, double Milliseconds)> Phases { get; } = [];

    public Dictionary<string, long> PeakKilobytes { get; } = new(StringComparer.Ordinal);

    public List<(string Point, long Bytes)> Heap { get; } = [];

    public Dictionary<string, long> PhasePeakKilobytes { get; } = new(StringComparer.Ordinal);

    public void Read(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length != 3)
            {
                continue;
            }

            var (type, key, value) = (parts[0], parts[1], parts[2]);
            switch (type)
            {
                case "time":
                    Times[key] = Samples.Parse(value);
                    break;
                case "gc-pause":
                    GcPauses[key] = Samples.Parse(value);
                    break;
                case "allocated":
                    Allocated[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "cold":
                    Cold[key] = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "count":
                    Counts[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "result":
                    Results[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "rule":
                    Rules[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "phase":
                    Phases.Add((key, double.Parse(value, CultureInfo.InvariantCulture)));
                    break;
                case "phase-peak":
                    PhasePeakKilobytes[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "heap":
                    Heap.Add((key, long.Parse(value, CultureInfo.InvariantCulture)));
                    break;
                case "peak":
                    PeakKilobytes[key] = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    break;
            }
        }
    }
}
