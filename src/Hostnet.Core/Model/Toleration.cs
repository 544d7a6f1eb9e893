namespace Hostnet.Core.Model;

/// <summary>A toleration; mirrors k8s.io/api/core/v1 Toleration.ToleratesTaint.</summary>
public sealed record Toleration(string? Key, string? Operator, string? Value, string? Effect)
{
    public bool Tolerates(Taint taint)
    {
        if (!string.IsNullOrEmpty(Effect) && Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Key) && Key != taint.Key)
        {
            return false;
        }

        return Operator switch
        {
            "Exists" => true,
            "Equal" or "" or null => (Value ?? string.Empty) == taint.Value,
            _ => false,
        };
    }
}
