using ManifestLint.Engine.Analysis;
using ManifestLint.Engine.Catalog;
using ManifestLint.Engine.Diagnostics;
using ManifestLint.Model.Runtimes;

namespace ManifestLint.Engine.Rules.Jvm;

/// <summary>
/// ML2004: the JVM cannot see the container's memory limit, so it sizes its heap from the node's RAM:
/// -XX:-UseContainerSupport, or a Java version (from the image tag) before 8u191; and, in a second message, a
/// JDK without cgroup v2 support (before 8u372, 11.0.16, 15), blind on current clusters: a warning, since it depends
/// on the node's cgroup version. Quiet when -Xmx fixes the heap.
/// </summary>
public sealed class JvmCannotSeeMemoryLimitRule() : Rule(RuleIds.JvmCannotSeeMemoryLimit)
{
    public override void Initialize(RuleRegistration registration) => registration.RegisterContainerAction(c =>
    {
        // With -Xmx the heap does not depend on what the JVM sees: the usual workaround, not a finding.
        if (JvmFacts.For(c) is not { LimitBytes: not null } jvm || jvm.Visibility == JvmLimitVisibility.Sees
            || jvm is { Heap.Basis: JvmHeapBasis.MaxHeapSizeFlag, HeapSettled: true })
        {
            return;
        }

        var flag = jvm.VisibilityFlag;
        var at = flag?.WrittenAt?.Span ?? c.Container.Node.Entry("image")?.Value.Span ?? c.Container.NameSpan;
        var source = flag is null ? $" (image {c.Container.Image})" : string.Empty;
        var fix = flag is not null ? "Remove the flag."
            : "Use a current JDK image: 8u372+, 11.0.16+, or 17 and later.";
        var message = jvm.Visibility == JvmLimitVisibility.Blind
            ? $"{jvm.Subject}: {jvm.VisibilityReason}{source}, so the JVM ignores the {jvm.Limit} memory limit and sizes its heap from the node's memory. {fix}"
            : $"{jvm.Subject}: {jvm.VisibilityReason}{source}, so on cgroup v2 nodes the JVM cannot see the {jvm.Limit} memory limit and sizes its heap from the node's memory. {fix}";
        var context = jvm.Visibility == JvmLimitVisibility.Blind ? c : c.AtMost(Severity.Warning);
        context.Report(at, message, jvm.Visibility.ToString());
    });
}
