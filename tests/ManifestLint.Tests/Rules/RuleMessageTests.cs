using ManifestLint.Engine.Rules.Jvm;
using ManifestLint.Engine.Rules.NodeJs;
using ManifestLint.Engine.Rules.Python;
using ManifestLint.Engine.Rules.Resources;
using ManifestLint.Engine.Suppressions;
using Xunit;

namespace ManifestLint.Tests.Rules;

/// <summary>
/// Message builders: each finding's headline names the object, gives the numbers and says the fix, in a line or two a
/// pull-request annotation can show; why it matters is on the rule's page (SARIF help, <c>manifestlint explain ID</c>).
/// </summary>
public class RuleMessageTests
{
    /// <summary>Two lines of a pull-request annotation, about 120 characters each.</summary>
    public const int MaxHeadline = 240;

    [Fact]
    public void MemoryRequestExceedsLimit_NamesBothValuesAndTheFix()
    {
        Assert.Equal(
            "Pod shop/api, container \"api\" requests 2Gi of memory, more than its limit of 1Gi. Lower the request to at most the limit.",
            Short(MemoryRequestExceedsLimitRule.Message("Pod shop/api, container \"api\"", "2Gi", "1Gi")));
    }

    [Fact]
    public void MemoryLimitRequestRatio_NamesTheRatioItsThresholdAndTheFix()
    {
        Assert.Equal(
            "Pod shop/api, container \"api\" has a memory limit of 2Gi, 8× its request of 256Mi (more than 2×). Raise the request closer to the limit.",
            Short(MemoryLimitRequestRatioRule.Message("Pod shop/api, container \"api\"", "2Gi", "8", "256Mi", "2")));
    }

    [Fact]
    public void CriticalPodNotGuaranteed_NamesTheClassesAndTheFix()
    {
        Assert.Equal(
            "DaemonSet kube-system/agent has priorityClassName system-node-critical but its pods are Burstable, not Guaranteed. Set cpu and memory requests equal to limits in every container, init containers too.",
            Short(CriticalPodNotGuaranteedRule.Message("DaemonSet kube-system/agent", "system-node-critical", "Burstable")));
    }

    [Fact]
    public void MemoryEmptyDirWithoutSizeLimit_NamesTheVolumeAndTheFix()
    {
        Assert.Equal(
            "StatefulSet media/redis: volume \"shm\" is a memory-backed emptyDir (tmpfs) without sizeLimit. Set emptyDir.sizeLimit below the writer's memory limit.",
            Short(MemoryEmptyDirWithoutSizeLimitRule.Message("StatefulSet media/redis", "shm", "without sizeLimit")));
    }

    [Fact]
    public void UnusedSuppression_NamesTheDirectiveTheRuleAndTheFix()
    {
        Assert.Equal(
            "This \"manifestlint-disable-next-line\" comment of ML1005 matches no finding of ML1005 in the next line. Remove it, or move it to the line or object the finding is on.",
            Short(SuppressionProcessor.UnusedMessage("\"manifestlint-disable-next-line\" comment", "ML1005", "the next line")));
    }

    [Fact]
    public void SuppressionWithoutReason_WritesOutTheFixedDirective()
    {
        Assert.Equal(
            "This manifestlint.io/suppress annotation of ML1001,ML1002 gives no reason. Say why after \" -- \", for example: manifestlint.io/suppress: \"ML1001,ML1002 -- <reason>\"",
            Short(SuppressionProcessor.WithoutReasonMessage("manifestlint.io/suppress annotation", "ML1001,ML1002", "manifestlint.io/suppress: \"ML1001,ML1002 -- <reason>\"")));
    }

    [Fact]
    public void NodeOldSpaceTooLarge_SaysWhatIsLeftOutsideTheOldSpace()
    {
        Assert.Equal(
            "Deployment shop/web, container \"web\": --max-old-space-size=1800 in NODE_OPTIONS lets V8's old space grow to 1800 MiB, 87.9% of the 2048 MiB memory limit, more than 75%, leaving 248 MiB for everything outside the old space. Set --max-old-space-size=1536 (75% of the limit) or lower.",
            NodeOldSpaceTooLargeRule.AboveMessage("Deployment shop/web, container \"web\"", "--max-old-space-size=1800 in NODE_OPTIONS lets V8's old space grow to 1800 MiB", ", 87.9% of the 2048 MiB memory limit", "75", "248 MiB", "Set --max-old-space-size=1536 (75% of the limit) or lower"));
        Assert.Equal(
            "Pod default/web, container \"web\": --max-old-space-size=1024 on the node command line lets V8's old space grow to 1024 MiB, at or above the 1024 MiB memory limit. Set --max-old-space-size=768 (75% of the limit) or lower.",
            Short(NodeOldSpaceTooLargeRule.AtOrAboveMessage("Pod default/web, container \"web\"", "--max-old-space-size=1024 on the node command line lets V8's old space grow to 1024 MiB", ", at or above the 1024 MiB memory limit", "Set --max-old-space-size=768 (75% of the limit) or lower")));
    }

    [Fact]
    public void NodeDefaultHeapInSmallContainer_NamesTheDefaultOldSpaceItsShareAndTheFix()
    {
        Assert.Equal(
            "Pod default/web, container \"web\" has a 256 MiB memory limit and no --max-old-space-size: V8's old space defaults to 256 MiB (its 256 MiB floor), 100% of the limit. Set NODE_OPTIONS=--max-old-space-size=192 (75% of the limit).",
            Short(NodeDefaultHeapInSmallContainerRule.Message("Pod default/web, container \"web\"", "256 MiB", "no --max-old-space-size", 256, "its 256 MiB floor", "100", "Set NODE_OPTIONS=--max-old-space-size=192 (75% of the limit)")));
    }

    [Fact]
    public void NodeCannotSeeMemoryLimit_NamesTheVersionTheLimitAndBothFixes()
    {
        Assert.Equal(
            "Pod default/web, container \"web\" runs Node.js 18 (image node:18-alpine), which does not read cgroup v2 limits (added in Node.js 20.3.0): V8 sizes its old space from the node's memory, not the 1024 MiB memory limit. Set NODE_OPTIONS=--max-old-space-size=768 (75% of the limit), or use Node.js 20.3 or later.",
            NodeCannotSeeMemoryLimitRule.NoCgroupV2Message("Pod default/web, container \"web\"", "Node.js 18 (image node:18-alpine)", "1024 MiB", string.Empty, "Set NODE_OPTIONS=--max-old-space-size=768 (75% of the limit)", string.Empty));
        Assert.Equal(
            "Pod default/web, container \"web\" runs Node.js 10 (image node:10), which predates cgroup awareness (Node.js 12): V8's old space stays about 1400 MiB whatever the 1024 MiB memory limit. Set NODE_OPTIONS=--max-old-space-size=768 (75% of the limit), and move to Node.js 20.3 or later.",
            NodeCannotSeeMemoryLimitRule.BlindMessage("Pod default/web, container \"web\"", "Node.js 10 (image node:10)", "1024 MiB", string.Empty, "Set NODE_OPTIONS=--max-old-space-size=768 (75% of the limit)", string.Empty));
    }

    [Fact]
    public void PythonWorkersWithoutRecycling_NamesTheWorkersTheMissingOptionAndTheFix()
    {
        Assert.Equal(
            "gunicorn runs 4 worker processes (-w 4 on the command line) and never replaces them (no --max-requests). Add --max-requests 1000 --max-requests-jitter 100 (tune to the leak rate).",
            Short(PythonWorkersWithoutRecyclingRule.Message("gunicorn runs 4 worker processes (-w 4 on the command line)", "--max-requests", "Add --max-requests 1000 --max-requests-jitter 100 (tune to the leak rate).")));
    }

    [Fact]
    public void PythonWorkersExceedMemoryLimit_ShowsTheArithmeticAndTheFix()
    {
        Assert.Equal(
            "Pod default/tasks, container \"tasks\": gunicorn runs 4 worker processes (-w 4 on the command line) at an estimated 300 MiB each (option perWorkerMiB): 4 × 300 MiB = 1200 MiB, above the 1024 MiB memory limit. Run at most 3 workers.",
            Short(PythonWorkersExceedMemoryLimitRule.WorkersMessage("Pod default/tasks, container \"tasks\"", "gunicorn", 4, "-w 4 on the command line", 300, "1024 MiB", "Run at most 3 workers.")));
        Assert.Equal(
            "c: celery worker replaces a child only after a task leaves it above --max-memory-per-child=1048576 (KiB: 1024 MiB each), and 4 prefork children may each grow that far. Set -c explicitly and --max-memory-per-child to at most 393216 KiB (75% of the limit shared by 4 children), or raise the limit.",
            PythonWorkersExceedMemoryLimitRule.CeleryMessage("c", "celery", "--max-memory-per-child=1048576", "1024 MiB", "and 4 prefork children may each grow that far", 393216, "75% of the limit shared by 4 children"));
    }

    [Fact]
    public void MemoryLimitMissing_SaysWhatIsMissingTheJvmHeapAndTheFix()
    {
        Assert.Equal(
            "Deployment shop/web, container \"web\" has no memory limit, so it can use memory until the node runs out; as a JVM it sizes its heap from the node's memory (25% of node RAM by default). Set resources.limits.memory.",
            Short(MemoryLimitMissingRule.Message("Deployment shop/web, container \"web\"", "has no memory limit", "; as a JVM it sizes its heap from the node's memory (25% of node RAM by default)", "Set resources.limits.memory.")));
    }

    [Fact]
    public void MemoryRequestMissing_SaysBothAreMissing_AndForAnInitContainerThatNothingElseReserves()
    {
        Assert.Equal(
            "Pod shop/web, container \"web\" has no memory request or limit, so the scheduler reserves none for it and it can use memory until the node runs out. Set resources.requests.memory and resources.limits.memory.",
            Short(MemoryRequestMissingRule.Message("Pod shop/web, container \"web\"", runToCompletionInit: false, string.Empty)));
        Assert.Equal(
            "Job batch/reindex, init container \"fetch\" has no memory request or limit, and no other container of the pod requests memory while it runs, so the scheduler reserves none for it. Set resources.requests.memory and resources.limits.memory.",
            Short(MemoryRequestMissingRule.Message("Job batch/reindex, init container \"fetch\"", runToCompletionInit: true, string.Empty)));
    }

    [Fact]
    public void BestEffortPod_NamesTheContainers_AtMostTwo()
    {
        Assert.Equal(
            "Deployment web/blog runs BestEffort pods, killed first under memory pressure: container \"ghost\" has no memory request or limit. Set resources.requests.memory and resources.limits.memory.",
            Short(BestEffortPodRule.Message("Deployment web/blog", ["container \"ghost\""])));
        Assert.Equal(
            "StatefulSet db/redis runs BestEffort pods, killed first under memory pressure: init container \"config\", container \"redis\" and 2 more have no memory request or limit. Set resources.requests.memory and resources.limits.memory.",
            Short(BestEffortPodRule.Message("StatefulSet db/redis", ["init container \"config\"", "container \"redis\"", "container \"sentinel\"", "container \"exporter\""])));
    }

    [Fact]
    public void SuspiciousMemoryQuantity_SaysWhatTheMilliValueMeansAndTheFix()
    {
        Assert.Equal(
            "Pod shop/web, container \"web\" has a memory limit of \"1073741824000m\", thousandths of a byte that make exactly 1 GiB. Write 1Gi, so that nobody reads the m as mega.",
            Short(SuspiciousMemoryQuantityRule.ExactMessage("Pod shop/web, container \"web\"", "limit", "1073741824000m", "1 GiB", "1Gi")));
        Assert.Equal(
            "Pod shop/web, container \"web\" has a memory request of \"512m\", which is 0.512 bytes, less than a byte: m means milli, not mega. Did you mean 512Mi?",
            Short(SuspiciousMemoryQuantityRule.MilliMessage("Pod shop/web, container \"web\"", "request", "512m", "0.512 bytes, less than a byte", "512")));
    }

    [Fact]
    public void JvmHeapAtOrAboveMemoryLimit_NamesTheHeapItsSourceTheLimitAndTheFix()
    {
        Assert.Equal(
            "Deployment shop/api, container \"api\": JVM max heap 1024 MiB (-Xmx1g in JAVA_TOOL_OPTIONS) is at or above the 1024 MiB memory limit. Set -XX:MaxRAMPercentage=75 or lower (or -Xmx at most ~75% of the limit, 768 MiB).",
            Short(JvmHeapAtOrAboveMemoryLimitRule.Message("Deployment shop/api, container \"api\"", "1024 MiB", "-Xmx1g in JAVA_TOOL_OPTIONS", "1024 MiB", "Set -XX:MaxRAMPercentage=75 or lower (or -Xmx at most ~75% of the limit, 768 MiB).")));
    }

    private static string Short(string message)
    {
        Assert.True(message.Length <= MaxHeadline, $"{message.Length} characters, more than {MaxHeadline}: {message}");
        return message;
    }
}
