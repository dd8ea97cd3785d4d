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
    /// <summary>Two lines of a GitHub annotation.</summary>
    public const int MaxHeadline = 200;

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

    private static string Short(string message)
    {
        Assert.True(message.Length <= MaxHeadline, $"{message.Length} characters, more than {MaxHeadline}: {message}");
        return message;
    }
}
