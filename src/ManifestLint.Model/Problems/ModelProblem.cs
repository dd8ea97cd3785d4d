using ManifestLint.Model.Source;

namespace ManifestLint.Model.Problems;

/// <summary>What kind of problem the loader or model builder met; the engine maps each kind to a rule ID.</summary>
public enum ModelProblemKind
{
    /// <summary>Not valid YAML, or a file that is not text (ML0001).</summary>
    InvalidYaml,

    /// <summary>Valid YAML whose shape is not a valid Kubernetes object (ML0001).</summary>
    InvalidStructure,

    /// <summary>An input limit (size, depth, alias expansion, document or node count) was hit (ML0001).</summary>
    LimitExceeded,

    /// <summary>A mapping repeats a key, which strict decoding rejects (ML0001); the document still loads, the last value winning.</summary>
    DuplicateKey,
}

/// <summary>A problem found while reading input, before any rule runs.</summary>
public sealed record ModelProblem(ModelProblemKind Kind, string Message, SourceSpan Span);
