namespace Hostnet.Core.Semantics.Validation;

/// <summary>The error types of k8s.io/apimachinery/pkg/util/validation/field, with their printed names.</summary>
public enum FieldErrorType
{
    Required,
    Invalid,
    Duplicate,
    NotSupported,
    Forbidden,
    NotFound,
    TooLong,
    Internal,
}
