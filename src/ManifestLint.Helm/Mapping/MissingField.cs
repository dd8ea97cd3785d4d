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
    }.ToDictionary(f => f.RuleId, StringComparer.Ordinal);

    public static MissingField? For(string ruleId) => ByRule.GetValueOrDefault(ruleId);

    /// <summary>
    /// A values path segment that names a container's resources: <c>resources</c>, <c>controller.resources</c>,
    /// <c>containerResources</c>; not <c>resourcesPreset</c> (a bitnami preset name, not the mapping itself).
    /// </summary>
    private static bool IsResources(string segment) => segment.EndsWith("resources", StringComparison.OrdinalIgnoreCase);

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
}
