using ManifestLint.Engine.Analysis;
using ManifestLint.Usage;
using Xunit;
using static ManifestLint.Tests.Usage.UsageData;

namespace ManifestLint.Tests.Usage;

/// <summary>Pods map to the one workload of the input their name (or owner labels) can belong to; never a guess.</summary>
public class PodMappingTests
{
    private static string One(string ns, string pod, string container = "app", IReadOnlyDictionary<string, string>? extra = null) =>
        Matrix(new Series(ns, pod, container, Sampled(3, 60, i => (i + 1) * MiB), extra));

    [Theory]
    [InlineData("web-7d9f8b6c5d-x2k4p", "Deployment", "web")]
    [InlineData("web-api-5f6d7c8b9-x2k4p", "Deployment", "web-api")]
    [InlineData("db-0", "StatefulSet", "db")]
    [InlineData("db-12", "StatefulSet", "db")]
    [InlineData("node-exporter-x2k4p", "DaemonSet", "node-exporter")]
    [InlineData("migrate-x2k4p", "Job", "migrate")]
    [InlineData("backup-29443080-x2k4p", "CronJob", "backup")]
    [InlineData("standalone", "Pod", "standalone")]
    public void PodNames_MapToTheirWorkload_WhenItIsTheOnlyCandidateInTheInput(string pod, string kind, string name)
    {
        var id = new WorkloadId("shop", kind, name);

        var usage = UsageSet.FromText("u.json", One("shop", pod)).Match(new HashSet<WorkloadId> { id, new("shop", "Deployment", "unrelated") }).Find(id, "app");

        Assert.NotNull(usage);
        Assert.Equal(3 * MiB, usage.Max);
    }

    [Fact]
    public void AnotherNamespace_DoesNotMatch()
    {
        var id = new WorkloadId("prod", "Deployment", "web");

        var match = UsageSet.FromText("u.json", One("shop", "web-7d9f8b6c5d-x2k4p")).Match(new HashSet<WorkloadId> { id });

        Assert.Null(match.Find(id, "app"));
        Assert.Contains(match.Notes(), n => n.Message.Contains("1 item of usage data matches no workload of the input: pod shop/web-7d9f8b6c5d-x2k4p", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAmbiguousPod_IsReported_AndNotUsed()
    {
        // web-7d9f8b6c5d-x2k4p is a pod of Deployment web, or of a DaemonSet called web-7d9f8b6c5d: both are in the input.
        var deployment = new WorkloadId("shop", "Deployment", "web");
        var daemonSet = new WorkloadId("shop", "DaemonSet", "web-7d9f8b6c5d");

        var match = UsageSet.FromText("u.json", One("shop", "web-7d9f8b6c5d-x2k4p")).Match(new HashSet<WorkloadId> { deployment, daemonSet });

        Assert.Null(match.Find(deployment, "app"));
        Assert.Null(match.Find(daemonSet, "app"));
        var note = Assert.Single(match.Notes()).Message;
        Assert.Contains("1 pod could belong to more than one workload of the input and was not used", note, StringComparison.Ordinal);
        Assert.Contains("could be DaemonSet shop/web-7d9f8b6c5d or Deployment shop/web", note, StringComparison.Ordinal);
    }

    [Fact]
    public void OwnerLabels_Decide_WhereTheNameWouldBeAmbiguous()
    {
        var deployment = new WorkloadId("shop", "Deployment", "web");
        var daemonSet = new WorkloadId("shop", "DaemonSet", "web-7d9f8b6c5d");
        var labels = new Dictionary<string, string> { ["owner_kind"] = "ReplicaSet", ["owner_name"] = "web-7d9f8b6c5d" };

        var match = UsageSet.FromText("u.json", One("shop", "web-7d9f8b6c5d-x2k4p", extra: labels)).Match(new HashSet<WorkloadId> { deployment, daemonSet });

        Assert.NotNull(match.Find(deployment, "app"));
        Assert.Empty(match.Notes());
    }

    [Fact]
    public void CreatedByLabels_MapAJobToItsCronJob()
    {
        var cron = new WorkloadId("ops", "CronJob", "nightly-report");
        var labels = new Dictionary<string, string> { ["created_by_kind"] = "Job", ["created_by_name"] = "nightly-report-29443080" };

        var usage = UsageSet.FromText("u.json", One("ops", "nightly-report-29443080-abcde", extra: labels)).Match(new HashSet<WorkloadId> { cron }).Find(cron, "app");

        Assert.NotNull(usage);
    }

    [Fact]
    public void DataForAContainerTheWorkloadDoesNotHave_IsReportedAtTheEnd()
    {
        var id = new WorkloadId("shop", "Deployment", "web");
        var match = UsageSet.FromText("u.json", One("shop", "web-7d9f8b6c5d-x2k4p", container: "old-name")).Match(new HashSet<WorkloadId> { id });

        Assert.Null(match.Find(id, "app"));

        Assert.Contains(match.Notes(), n => n.Message.Contains("1 container in the usage data is not in the linted workloads: Deployment shop/web container \"old-name\"", StringComparison.Ordinal));
    }

    [Fact]
    public void MayName_FindsDocumentsThatCanDefineACandidate()
    {
        var set = UsageSet.FromText("u.json", One("shop", "web-7d9f8b6c5d-x2k4p"));

        Assert.True(set.MayName("kind: Deployment\nmetadata:\n  name: web\n"));
        Assert.False(set.MayName("kind: Deployment\nmetadata:\n  name: api\n"));
    }
}
