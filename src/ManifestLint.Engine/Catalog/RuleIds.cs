namespace ManifestLint.Engine.Catalog;

/// <summary>
/// Every rule ID, once (Meziantou's <c>RuleIdentifiers</c>): rules, the engine, the Helm front end and tests name IDs
/// through these constants, never as string literals. An ID is assigned once and never reused; a test checks this list
/// against the pages in <c>rules/</c> and the release-tracking files.
/// </summary>
public static class RuleIds
{
    /// <summary>Analysis should complete without internal errors.</summary>
    public const string ToolError = "ML0000";

    /// <summary>Manifests should be valid YAML and well-formed Kubernetes objects.</summary>
    public const string InvalidManifest = "ML0001";

    /// <summary>Helm charts should render with helm template.</summary>
    public const string HelmRenderFailed = "ML0002";

    /// <summary>Resource quantities should be valid and non-negative.</summary>
    public const string InvalidQuantity = "ML0003";

    /// <summary>Suppressions should give a reason.</summary>
    public const string SuppressionWithoutReason = "ML0004";

    /// <summary>Suppressions should match a finding.</summary>
    public const string UnusedSuppression = "ML0005";

    /// <summary>An object should be defined once per cluster.</summary>
    public const string DuplicateObject = "ML0006";

    /// <summary>Containers should set a memory limit.</summary>
    public const string MemoryLimitMissing = "ML1001";

    /// <summary>Containers should set a memory request.</summary>
    public const string MemoryRequestMissing = "ML1002";

    /// <summary>Memory requests should not exceed memory limits.</summary>
    public const string MemoryRequestExceedsLimit = "ML1003";

    /// <summary>Memory requests and limits should use a byte suffix such as Mi or Gi.</summary>
    public const string SuspiciousMemoryQuantity = "ML1004";

    /// <summary>Memory limits should stay close to memory requests.</summary>
    public const string MemoryLimitRequestRatio = "ML1005";

    /// <summary>Pods should not be BestEffort.</summary>
    public const string BestEffortPod = "ML1006";

    /// <summary>Critical pods should be Guaranteed.</summary>
    public const string CriticalPodNotGuaranteed = "ML1007";

    /// <summary>Memory-backed emptyDir volumes should set a sizeLimit.</summary>
    public const string MemoryEmptyDirWithoutSizeLimit = "ML1008";

    /// <summary>The JVM heap should fit well inside the memory limit.</summary>
    public const string JvmHeapAtOrAboveMemoryLimit = "ML2001";

    /// <summary>The JVM's estimated footprint should fit the memory limit.</summary>
    public const string JvmFootprintAboveMemoryLimit = "ML2002";

    /// <summary>JVM RAM percentages should leave room for native memory.</summary>
    public const string JvmRamPercentageTooHigh = "ML2003";

    /// <summary>The JVM should see the container's memory limit.</summary>
    public const string JvmCannotSeeMemoryLimit = "ML2004";

    /// <summary>The JVM heap should follow the memory limit.</summary>
    public const string JvmHeapHardCoded = "ML2005";

    /// <summary>GOMEMLIMIT should stay below the memory limit.</summary>
    public const string GoMemLimitAtOrAboveMemoryLimit = "ML3001";

    /// <summary>GOGC=off should come with a GOMEMLIMIT.</summary>
    public const string GoGcOffWithoutMemLimit = "ML3002";

    /// <summary>GOMEMLIMIT should be a byte count Go accepts.</summary>
    public const string GoMemLimitMalformed = "ML3003";

    /// <summary>Go programs with a memory limit should set GOMEMLIMIT.</summary>
    public const string GoMemLimitMissing = "ML3004";

    /// <summary>The V8 old space should stay well below the memory limit.</summary>
    public const string NodeOldSpaceTooLarge = "ML4001";

    /// <summary>Small Node.js containers should size the V8 heap explicitly.</summary>
    public const string NodeDefaultHeapInSmallContainer = "ML4002";

    /// <summary>Node.js should see the container's memory limit.</summary>
    public const string NodeCannotSeeMemoryLimit = "ML4003";

    /// <summary>Multi-process Python servers should recycle their workers.</summary>
    public const string PythonWorkersWithoutRecycling = "ML5001";

    /// <summary>Python worker processes should fit in the memory limit.</summary>
    public const string PythonWorkersExceedMemoryLimit = "ML5002";

    /// <summary>A VPA and an HPA should not both act on memory of one workload.</summary>
    public const string VpaHpaMemoryConflict = "ML6001";

    /// <summary>Workloads a VPA evicts should have a PodDisruptionBudget.</summary>
    public const string VpaEvictionWithoutDisruptionBudget = "ML6002";

    /// <summary>VPA memory bounds should agree with each other and with the manifest.</summary>
    public const string VpaMemoryBoundsConflict = "ML6003";

    /// <summary>HPA memory utilization targets need a memory request on every counted container.</summary>
    public const string HpaMemoryUtilizationWithoutRequest = "ML6004";

    /// <summary>Autoscaler targets should be in the input with their namespace.</summary>
    public const string AutoscalerTargetMissing = "ML6005";

    /// <summary>Container memory should fit the namespace LimitRange.</summary>
    public const string LimitRangeMemoryViolation = "ML7001";

    /// <summary>Containers should specify the memory a namespace ResourceQuota tracks.</summary>
    public const string ResourceQuotaMemoryUnspecified = "ML7002";

    /// <summary>The memory limit should be above observed p99 usage with headroom.</summary>
    public const string LimitBelowObservedUsage = "ML8001";

    /// <summary>The memory request should cover observed p95 usage.</summary>
    public const string RequestBelowObservedUsage = "ML8002";

    /// <summary>Memory should not be reserved far above observed usage.</summary>
    public const string OverProvisionedMemory = "ML8003";

    /// <summary>Working set that grows without a plateau is a leak, not an undersized limit.</summary>
    public const string MemoryLeakSignature = "ML8004";

    /// <summary>Usage data and workloads should match each other.</summary>
    public const string UsageCoverage = "ML8005";
}
