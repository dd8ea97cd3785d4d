using ManifestLint.Model.Yaml;

namespace ManifestLint.Model.Runtimes;

/// <summary>Where Node.js reads options from, in the order it applies them (a later setting of a V8 flag wins).</summary>
public enum NodeOptionSource
{
    /// <summary><c>NODE_OPTIONS</c>: applied before the command line.</summary>
    NodeOptions,

    /// <summary>The options between <c>node</c> and the script.</summary>
    CommandLine,
}

/// <summary>The Node.js heap flags ManifestLint reads.</summary>
public enum NodeFlagKind
{
    /// <summary><c>--max-old-space-size=N</c>: V8's old generation cap, in MiB; 0 is V8's "not set".</summary>
    MaxOldSpaceSize,

    /// <summary><c>--max-old-space-size-percentage=P</c>: the old generation as P% of the memory Node sees, 0 &lt; P ≤ 100.</summary>
    MaxOldSpaceSizePercentage,
}

/// <summary>
/// One heap flag as written. <see cref="Value"/> is MiB for <see cref="NodeFlagKind.MaxOldSpaceSize"/> and percent for
/// <see cref="NodeFlagKind.MaxOldSpaceSizePercentage"/>; null when Node refuses the value (and does not start).
/// </summary>
/// <param name="Text">As written, e.g. <c>--max-old-space-size=1536</c> or <c>--max-old-space-size 1536</c>.</param>
/// <param name="WrittenAt">The env value or command-line item it was written in; null when parsed from free text.</param>
/// <param name="Variable">The shell variable it reached the command line through.</param>
public sealed record NodeFlag(NodeFlagKind Kind, string Text, decimal? Value, NodeOptionSource Source, YamlNode? WrittenAt = null, string? Variable = null)
{
    public bool IsValid => Value is not null;

    /// <summary>"in NODE_OPTIONS", "on the node command line", "in $NODE_ARGS on the node command line".</summary>
    public string Where => Source switch
    {
        NodeOptionSource.NodeOptions => "in NODE_OPTIONS",
        _ when Variable is not null => $"in ${Variable} on the node command line",
        _ => "on the node command line",
    };

    /// <summary>"--max-old-space-size=1536 in NODE_OPTIONS".</summary>
    public string Describe() => $"{Text} {Where}";
}
