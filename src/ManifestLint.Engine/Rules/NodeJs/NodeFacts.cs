using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Kubernetes;
using ManifestLint.Model.Runtimes;
using ManifestLint.Model.Semantics;
using ManifestLint.Model.Source;

namespace ManifestLint.Engine.Rules.NodeJs;

/// <summary>
/// What the Node.js rules share about one container: its heap flags (<see cref="NodeOptions"/>), its memory limit,
/// whether its Node version (from the image tag) reads the cgroup limit, and V8's default old space for a memory size.
/// A container counts as Node.js when detected so, or when it runs npm, yarn, pnpm or pm2 (which start <c>node</c>).
/// </summary>
internal sealed class NodeFacts
{
    /// <summary>The share of the limit the fixes suggest for the old space, as the Node.js docs do (1536 of 2048 MiB).</summary>
    public const int SuggestedPercent = 75;

    /// <summary>V8's 64-bit bounds on the default old space (<c>heap-controller.h</c> kMinSize, kMaxSize; 4 GiB with huge_max_old_generation_size).</summary>
    public const long MinDefaultOldSpaceMiB = 256;
    public const long MaxDefaultOldSpaceMiB = 2048;
    public const long HugeDefaultOldSpaceMiB = 4096;

    private const long MiB = 1L << 20;

    private NodeFacts(ContainerContext c, NodeOptions options, EffectiveValue? limitValue, long? limit)
    {
        Context = c;
        Options = options;
        LimitValue = limitValue;
        LimitBytes = limit;
    }

    public ContainerContext Context { get; }

    public NodeOptions Options { get; }

    public EffectiveValue? LimitValue { get; }

    public long? LimitBytes { get; }

    /// <summary>The Node version from a <c>node</c> image tag; null when the tag does not say (<c>lts</c>, an app image).</summary>
    public RuntimeVersion? Version => Context.Runtime.Kind == Runtime.Node ? Context.Runtime.Version : null;

    /// <summary>True when the version is known to read cgroup v2 limits (20.3.0+; a bare <c>20</c> floats to the newest 20.x).</summary>
    public bool? SeesCgroupV2 => Version is { } v ? v.Major > 20 || (v.Major == 20 && (v.Minor ?? int.MaxValue) >= 3) : null;

    public string Subject => $"{Context.Subject}{Context.Runtime.GuessNote}";

    /// <summary>"2048 MiB", with its LimitRange origin when it has one.</summary>
    public string Limit => $"{MemoryText.MiBText(LimitBytes ?? 0)}{LimitValue?.OriginNote}";

    public long LimitMiB => (LimitBytes ?? 0) / MiB;

    /// <summary>"--max-old-space-size=1536": <see cref="SuggestedPercent"/> of the limit, or <paramref name="percent"/>.</summary>
    public string Suggestion(decimal percent = SuggestedPercent) => $"--max-old-space-size={(long)((LimitBytes ?? 0) * percent / 100 / MiB)}";

    /// <summary>
    /// "Set NODE_OPTIONS=--max-old-space-size=192", or "Add --max-old-space-size=192 to NODE_OPTIONS" when NODE_OPTIONS
    /// already holds other flags (a --require of an instrumentation agent): replacing it would drop them.
    /// </summary>
    public string SetHeapAdvice() => Context.CommandLine.Environment["NODE_OPTIONS"]?.Value switch
    {
        { } existing when existing.Contains("--max-old-space-size=", StringComparison.Ordinal) => $"Make it {Suggestion()} in NODE_OPTIONS",
        { } existing when !string.IsNullOrWhiteSpace(existing) => $"Add {Suggestion()} to NODE_OPTIONS",
        _ => $"Set NODE_OPTIONS={Suggestion()}",
    };

    /// <summary>
    /// Ends a sentence about a missing flag with what could still hold one: " (npm starts node from package.json ...)",
    /// " (./start.sh is not read here ...)", " (the image's own command is not visible here)"; empty for a visible node command.
    /// </summary>
    public string LauncherNote => Options.Launch switch
    {
        NodeLaunch.Launcher => $" ({Options.Launcher} starts node from package.json or its own configuration, not read here: a flag written there is not seen)",
        NodeLaunch.Unseen when Context.CommandLine.Executable is { } program => $" ({program} is not read here: a flag it passes to node is not seen)",
        NodeLaunch.Unseen => " (the image's own command is not visible here)",
        _ => string.Empty,
    };

    public SourceSpan LimitSpan => LimitValue?.OnContainerAt() ?? Context.Container.MissingFieldSpan(Context.Container.Resources.Limits);

    public RelatedLocation[] LimitSource() => LimitValue?.LimitRangeSource() ?? [];

    public static NodeFacts? For(ContainerContext c)
    {
        if (c.Runtime.Kind is not (Runtime.Node or Runtime.Unknown))
        {
            return null;
        }

        // Shared by the Node rules (and asked of every container whose runtime is unknown): parsed once per container.
        var options = c.Facts.Derived(c.Container, _ => NodeOptions.From(c.Container, c.CommandLine));
        if (c.Runtime.Kind == Runtime.Unknown && options.Launch != NodeLaunch.Launcher)
        {
            return null;
        }

        // The image catalog says the image's start script may set the heap itself (Kibana's node.options): while that
        // script runs and nothing in the manifest sets a heap, the heap is unknown.
        if (c.Runtime.Image?.Node is { HeapUnknown: true } && options.HeapFlag is null && options.Launch != NodeLaunch.NodeCommand)
        {
            return null;
        }

        var limitValue = c.Effective.Limit(ResourceNames.Memory);
        var limit = limitValue.PositiveBytes();
        return new NodeFacts(c, options, limitValue, limit);
    }

    /// <summary>
    /// The old space a heap flag gives V8, in bytes: its MiB, or its percentage of <paramref name="limitBytes"/>; null
    /// when Node refuses the value, or for a percentage without a limit. ML4001 and the summary table both use it.
    /// </summary>
    public static long? OldSpaceBytes(NodeFlag flag, long? limitBytes) => flag.Value is not { } value
        ? null
        : flag.Kind == NodeFlagKind.MaxOldSpaceSizePercentage ? (long?)(limitBytes * value / 100) : (long)value << 20;

    /// <summary>
    /// V8's default old space on 64-bit for the memory Node passes it (<c>Heap::HeapSizeFromPhysicalMemory</c>): half of
    /// it, at least 256 MiB, at most 2 GiB (4 GiB from 16 GiB). The young generation comes on top.
    /// </summary>
    public static long DefaultOldSpaceMiB(long memoryBytes)
    {
        var cap = memoryBytes >= 16L << 30 ? HugeDefaultOldSpaceMiB : MaxDefaultOldSpaceMiB;
        return Math.Clamp(memoryBytes / 2 / MiB, MinDefaultOldSpaceMiB, cap);
    }
}
