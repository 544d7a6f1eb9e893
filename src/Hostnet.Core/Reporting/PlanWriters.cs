using Hostnet.Core.Scheduling.Planning;

namespace Hostnet.Core.Reporting;

/// <summary>The plan in <c>hostnet plan --format</c>'s format: json, else text.</summary>
public static class PlanWriters
{
    public static void Write(PlanResult plan, string format, TextWriter output)
    {
        if (format == "json")
        {
            PlanJsonWriter.Write(plan, output);
        }
        else
        {
            PlanTextWriter.Write(plan, output);
        }
    }
}
