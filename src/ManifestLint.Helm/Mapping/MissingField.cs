namespace ManifestLint.Helm.Mapping;

/// <summary>
/// The field a finding asks for when its cause is an absent value, as seen from the chart's values: the values key
/// that holds the container's resources (recognised in the template by <see cref="IsAnchor"/>) and the path below it
/// the user adds (<c>limits.memory</c>). Rules say the same in their message ("Set resources.limits.memory."); this
/// table lets the mapping point at the values key that would hold it and name the key to add there.
/// </summary>
internal sealed record MissingField(string RuleId, IReadOnlyList<string> Below, Func<string, bool> IsAnchor)
{
    private static readonly Dictionary<string, MissingField> ByRule = new MissingField[]
    {
        new("ML1001", ["limits", "memory"], IsResources),
        new("ML1002", ["requests", "memory"], IsResources),

        // A BestEffort pod needs any request; a memory request is what ML1002 asks for too, so the two agree.
        new("ML1006", ["requests", "memory"], IsResources),

        // A memory-backed emptyDir's sizeLimit, read by the volume's own block (bitnami's shmVolume.sizeLimit).
        new("ML1008", [], s => s == "sizeLimit"),

        // GOMEMLIMIT left out: an entry in the env list the container's block prints from the values (bitnami's
        // compactor.extraEnvVars, extraEnv, env), which a user appends to. Never a resources value.
        new("ML3004", [], IsEnvList) { Entry = "GOMEMLIMIT", LeafInResources = false },
    }.ToDictionary(f => f.RuleId, StringComparer.Ordinal);

    public static MissingField? For(string ruleId) => ByRule.GetValueOrDefault(ruleId);

    /// <summary>A container's <c>resources.requests.memory</c> or <c>resources.limits.memory</c> that a fix adds (<paramref name="below"/>: <c>[limits, memory]</c>).</summary>
    public static MissingField Resources(IReadOnlyList<string> below) => new(string.Empty, below, IsResources);

    /// <summary>The name of an entry the user adds to a list (<c>GOMEMLIMIT</c> in an env list); null when the field is a key.</summary>
    public string? Entry { get; init; }

    /// <summary>
    /// Whether a value read inside a literal <c>resources:</c> key is the field itself when no mapping is printed
    /// whole (<c>memory: {{ .Values.memoryLimit }}</c>): true for the resources fields, false for an env entry.
    /// </summary>
    public bool LeafInResources { get; init; } = true;

    /// <summary>
    /// A values path segment that names a container's resources: <c>resources</c>, <c>controller.resources</c>,
    /// <c>containerResources</c>; not <c>resourcesPreset</c> (a bitnami preset name, not the mapping itself).
    /// </summary>
    private static bool IsResources(string segment) => segment.EndsWith("resources", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A values path segment that names a container's env list: <c>env</c>, <c>extraEnv</c>, <c>extraEnvVars</c>,
    /// <c>envs</c>; not <c>extraEnvVarsCM</c> or <c>extraEnvVarsSecret</c> (the name of a ConfigMap or Secret).
    /// </summary>
    private static bool IsEnvList(string segment) =>
        segment.EndsWith("env", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("envs", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("envvars", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reference cut after its anchor segment (<c>resources.limits.memory</c> read by an <c>if</c> is <c>resources</c>), or null.</summary>
    public IReadOnlyList<string>? Anchor(IReadOnlyList<string> reference)
    {
        for (var i = reference.Count - 1; i >= 0; i--)
        {
            if (IsAnchor(reference[i]))
            {
                return [.. reference.Take(i + 1)];
            }
        }

        return null;
    }
}

/// <summary>Where an absent value would go: the related location, the dotted key to add, and the file and key path it is added under.</summary>
/// <param name="Found">The concrete path of the deepest existing key (empty: the file's top level).</param>
/// <param name="Full">The concrete path of the key to add, from the file's top level.</param>
/// <param name="KeyExists">The whole key is there already (empty, zero, or a value the rule rejects): it is set, not added.</param>
internal sealed record AbsentValue(Engine.Diagnostics.RelatedLocation Related, string Key, ValuesFile File, IReadOnlyList<string> Found, IReadOnlyList<string> Full, bool KeyExists)
{
    /// <summary>The concrete path, in the file, of the values mapping the template reads (<c>controller.resources</c>).</summary>
    public IReadOnlyList<string> Anchor { get; init; } = [];

    /// <summary>The template prints that mapping whole (<c>toYaml .Values.x.resources</c>), not only some of its keys.</summary>
    public bool PrintedWhole { get; init; }

    /// <summary>The entry to add to the list at <see cref="Key"/> (<see cref="MissingField.Entry"/>); null for a key.</summary>
    public string? Entry { get; init; }

    /// <summary>What the finding's message says to do in the values: <c>add x.resources.limits.memory</c>, <c>add a GOMEMLIMIT entry to x.extraEnvVars</c>.</summary>
    public string Instruction => (Entry, KeyExists) switch
    {
        (null, true) => $"set {Key}",
        (null, false) => $"add {Key}",
        (_, true) => $"add a {Entry} entry to {Key}",
        _ => $"add {Key} with a {Entry} entry",
    };
}
