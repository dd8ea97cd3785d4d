using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Rules.Common;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// For ML1001: what a JVM without a memory limit does with its heap. With nothing to read in the cgroup, HotSpot
/// takes the node's RAM as available memory and its heap is MaxRAMPercentage (25%) of that, unless -Xmx or
/// -XX:MaxRAM fixes it. Said only when every source of JVM options is known: a start script's own heap, a Secret
/// or an @argfile may hold an -Xmx, and then the note would be wrong.
/// </summary>
internal static class JvmNodeSizing
{
    /// <summary>"; as a JVM it sizes its heap from the node's memory (25% of node RAM by default)", a clause of the headline; empty when not a JVM or the heap is fixed or unknown.</summary>
    public static string Note(ContainerContext c)
    {
        // The options the JVM rules already read for this container (JvmFacts keeps them per container).
        if (JvmFacts.For(c)?.Options is not { } options)
        {
            return string.Empty;
        }

        if (!options.IsComplete || options[JvmFlagKind.MaxHeapSize] is { IsValid: true } || options[JvmFlagKind.MaxRam] is { IsValid: true })
        {
            return string.Empty;
        }

        var (percent, flag) = JvmErgonomics.Percentage(options, JvmFlagKind.MaxRamPercentage, JvmErgonomics.DefaultMaxRamPercentage);
        var share = flag is null ? "25% of node RAM by default" : $"{MemoryText.Percent(percent)}% of node RAM, {flag.Describe()}";
        return $"; as a JVM{c.Runtime.GuessNote} it sizes its heap from the node's memory ({share})";
    }
}
