using ManifestLint.Engine.Analysis;
using Xunit;

namespace ManifestLint.Tests.Reliability.Fuzz;

/// <summary>Inputs the fuzz tests once broke the tool with, kept so that they never do again.</summary>
public class FuzzRegressionTests
{
    /// <summary>
    /// Found by <see cref="FuzzTests.MutatedBytes_NeverCrashTheLoaderOrTheEngine"/>: a file mentioning a suppression and
    /// holding a plain scalar followed by a key (<c>x\na: 1</c>) hung the run. YamlDotNet's scanner, which the suppression
    /// reader uses to find comments, returns an Error token for it, and then the same token forever.
    /// </summary>
    [Theory]
    [InlineData(" manifestlint-disable\napiVersion: v1\nkind: Pod\n")]
    [InlineData("# manifestlint-disable ML1001 -- reason\nx\na: 1\n")]
    [InlineData("a: b\nc\nd: e # manifestlint-disable-next-line ML1001 -- r\n")]
    public void ASyntaxErrorTheScannerRepeats_DoesNotHangTheSuppressionReader(string text)
    {
        var result = Deadline.Run(() => new AnalysisEngine().Analyze([AnalysisInput.FromText("hang.yaml", text + "---\n" + Lint.PodWithoutLimit)]), seconds: 30);

        Assert.Contains(result.Diagnostics, d => d.RuleId == "ML0001");
        Lint.WitnessFound(result.Diagnostics, "hang.yaml");
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.MutatedBytes_NeverCrashTheLoaderOrTheEngine"/> (CsCheck seed co5I-a0i1Q41): a mutated
    /// samples/manifests/suppressions.yaml on which YamlDotNet's scanner, used alone by the suppression reader, throws
    /// InvalidOperationException from ScanPlainScalar. It was an ML0000 (before the engine's guard, a crash).
    /// </summary>
    [Fact]
    public void AScannerThatThrowsInvalidOperation_IsNotAnInternalError()
    {
        var bytes = Convert.FromBase64String(MutatedSuppressions);

        var diagnostics = new AnalysisEngine().Analyze([new AnalysisInput("fuzz.yaml", () => bytes)]).Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.RuleId == "ML0000");
        Assert.Contains(diagnostics, d => d.RuleId == "ML0001");
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.Findings_DoNotDependOnFileOrderOrParallelism_AndRepeat"/> (CsCheck seed 0M9kPSE6Pz13):
    /// ML6005 listed the namespace's other workloads in input order, so its message changed with the order of the files.
    /// </summary>
    [Fact]
    public void TheWorkloadsML6005Lists_DoNotDependOnFileOrder()
    {
        const string Vpa = "apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: checkout, namespace: shop}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}\n";
        static string Deployment(string name) => $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: shop}}\nspec:\n  template:\n    spec:\n      containers: [{{name: app}}]\n";
        AnalysisInput[] inputs = [AnalysisInput.FromText("vpa.yaml", Vpa), AnalysisInput.FromText("search.yaml", Deployment("search")), AnalysisInput.FromText("admin.yaml", Deployment("admin"))];

        string Message(IEnumerable<AnalysisInput> order) => new AnalysisEngine().Analyze([.. order]).Diagnostics.Single(d => d.RuleId == "ML6005").Message;

        Assert.Equal(Message(inputs), Message(inputs.Reverse()));
        Assert.Contains("Deployment admin, Deployment search", Message(inputs), StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.MutatedManifests_NeverCrashTheEngine_AndEveryFindingPointsIntoItsFile"/> (seed
    /// fS5EqThqDQ01, and bhfg9x5k0Mx1 for the suppression reader): YamlDotNet breaks lines at NEL (U+0085), so a finding
    /// after one pointed past the end of the file.
    /// </summary>
    [Theory]
    [InlineData('\u0085')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void UnicodeLineSeparators_DoNotShiftLineNumbers(char separator)
    {
        var text = $"# {new string(separator, 30)}\napiVersion: v1\napiVersion: v1\nkind: Pod\n# manifestlint-disable-next-line ML9999 -- nothing\nmetadata: {{name: a}}\n";

        var diagnostics = new AnalysisEngine().Analyze([AnalysisInput.FromText("nel.yaml", text)]).Diagnostics;

        Assert.Equal(3, Assert.Single(diagnostics, d => d.RuleId == "ML0001").Location.StartLine);
        Assert.Equal(5, Assert.Single(diagnostics, d => d.RuleId == "ML0005").Location.StartLine);
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.Findings_DoNotDependOnFileOrderOrParallelism_AndRepeat"/> (seed 6mbLsMjjH6k1): a
    /// workload defined in two files had its cross-file findings (ML7002) reported in whichever file came first.
    /// </summary>
    [Fact]
    public void AWorkloadDefinedTwice_HasItsCrossFileFindingsInTheSameFileWhateverTheOrder()
    {
        const string Quota = "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\nspec:\n  hard: {limits.memory: 10Gi, requests.memory: 5Gi}\n";
        const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: app}]\n";
        AnalysisInput[] inputs = [AnalysisInput.FromText("quota.yaml", Quota), AnalysisInput.FromText("a.yaml", Deployment), AnalysisInput.FromText("b.yaml", Deployment)];

        List<string> Findings(IEnumerable<AnalysisInput> order) => [.. new AnalysisEngine().Analyze([.. order]).Diagnostics.Select(d => $"{d.Location} {d.RuleId} {d.Message}")];

        Assert.Equal(Findings(inputs), Findings(inputs.Reverse()));
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.MutatedManifests_NeverCrashTheEngine_AndEveryFindingPointsIntoItsFile"/> (seed
    /// 8qP7tPt2sOs4): a pod template label written twice made ML6002 throw (ML0000) building a dictionary of labels.
    /// </summary>
    [Fact]
    public void ARepeatedPodLabel_IsML0001_NotAnInternalError()
    {
        const string Yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              template:
                metadata:
                  labels:
                    app: api
                    app: api
                spec:
                  containers: [{name: app, resources: {requests: {memory: 1Gi}, limits: {memory: 1Gi}}}]
            ---
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata: {name: api, namespace: shop}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
              updatePolicy: {updateMode: Auto}
            """;

        var diagnostics = new AnalysisEngine().Analyze([AnalysisInput.FromText("labels.yaml", Yaml)]).Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.RuleId == "ML0000");
        Assert.Contains(diagnostics, d => d.RuleId == "ML0001" && d.Location.StartLine == 9);
    }

    /// <summary>
    /// Found by <see cref="FuzzTests.Findings_DoNotDependOnFileOrderOrParallelism_AndRepeat"/> in a long run (seed
    /// 0lVAigDK9hK2): with two LimitRanges of one namespace in two files, which one defaulted a container depended on
    /// the order of the files, and so did the findings.
    /// </summary>
    [Fact]
    public void TwoLimitRangesOfANamespaceInTwoFiles_GiveTheSameFindingsWhateverTheOrder()
    {
        static string LimitRange(string name, string memory) =>
            $"apiVersion: v1\nkind: LimitRange\nmetadata: {{name: {name}, namespace: shop}}\nspec:\n  limits: [{{type: Container, default: {{memory: {memory}}}, defaultRequest: {{memory: {memory}}}}}]\n";
        const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers: [{name: app, resources: {requests: {memory: 1Gi}}}]\n";
        AnalysisInput[] inputs = [AnalysisInput.FromText("a.yaml", LimitRange("small", "256Mi")), AnalysisInput.FromText("b.yaml", LimitRange("large", "4Gi")), AnalysisInput.FromText("pod.yaml", Pod)];

        List<string> Findings(IEnumerable<AnalysisInput> order) => [.. new AnalysisEngine().Analyze([.. order]).Diagnostics.Select(d => $"{d.Location} {d.RuleId} {d.Message}")];

        Assert.Equal(Findings(inputs), Findings(inputs.Reverse()));
    }

    private const string MutatedSuppressions = ""
        + "CjogICAgICBbICAgICphIyBJbi1zb3VyY2Ugc3VwcHJlc3Npb25zLiBBIHN1cHByZXNzZWQgZmluZGluZyBpcyBsZWZ0IG91dCBvZiB0aGUgcmVwb3J0IGFu"
        + "ZCB0aGUgZXhpdCBjb2RlCiMgKGBsaW50IC0tc2hvdy1zdXBwcmVzc2VkYCBsaXN0ybMgaXQpOyBldmVyeSBzdXBwcmVzc2lvbiBuZWVkcyBhIHJlYXNvbiBh"
        + "ZnRlciAiIC0tICIgYW5kIG11c3Qgc3RpbGwgbWF0Y2ggYSBmaW5kaW5nLgphcGlWZXNpb246IGJhdGNoL3YxCmtpbmQ6IEpvYgptZXRhZGF0YToKICBuYW1l"
        + "OiBuaWdodGx5LXJlcG9ydAogIG5hbWVzcGFjZTogcmVwb3J0aW5nCnNwZWM6CiAgdGVtcGxhdGU6CiAgICBzcGVjOgogICAgICByZXN0YXJ0UG9saWN5OiBO"
        + "ZXZlcgogICAgICBjb250YWluZXJzOgogICAgICAgIC0gbmFtZTogcmVwb3J0CiAgICAgICAgICBpbWFnZTogZ2hjci5pby9leGFtcGxlL3JlcG9ydDoyLjEK"
        + "ICAgICAgICAgICMgbWFuaWZlc3RsaW50LWRpc2FibGUtbmV4dC1saW5lIE1MMTAwMSAtLSBydW5zIGFsb25lIG9uIHRoZSByZXBvcnRpbmcgbm9kZSBwb29s"
        + "LCB3aGljaCBpcyBzaXplZCBmb3IgaXQgKFBMQVQtMjMxKQogICAgICAgICAgcmVzb3VyY2VzOgogICAgICAgICAgICByZXF1ZXN0czoKICAgICAgICAgICAg"
        + "ICBtZW1vcnk6IDFHaQogICAgICAgICAgICAgIGNwdTogNTAwbQotLS0KYXBpVmVyc2lvbjogYXBwcy92MQpraW5kOiBEZXBsb3ltZW50Cm1ldGFkYXRhOgog"
        + "IG5hbWU6IGxlZ2FjeS1hZG1pbgpuYW1lc3BhY2U6IHJlcG9ydGluZwogIGFubm90YXRpb25zOgogICAgIyBTdXBwcmVzc2VzIGJvdGggZmluZGluZ3Mgb2Yg"
        + "dGhlIGNvbnRhaW5lciwgYnV0IGdpdmVzIG5vIHJlYXNvbiAoTUwwMDA0KS4KICAgIG1hbmlmZXN0bGludC5pby9zdXBwcmVzczogIk1MMTAwMSxNTDEwMDIi"
        + "CnNwZWM6CiAgc2VsZWN0b3I6CiAgICBtYXRjaExhYmVsczoKICAgICAgYXBwOiBsZWdhY3ktYWRtaW4KICB0ZW1wbGF0ZToKICAgIG1ldGFkYXRhOgogICAg"
        + "ICBsYWJlbHM6CiAgICAgICAgYXBwOiBsZWdhY3ktYWRtaW4KICAgIHNwZWM6CiAgICAgIGNvbnRhaW5lcnM6CiAgICAgICAgLSBuYW1lOiBhZG1pbgogICAg"
        + "ICAgICBpbWFnZTogZ2hjci5pby9leGFtcGxlL2xlZ2FjeS1hZG1pbjowLjkKICAgICAgICAgIHJlc291cmNlczoKICAgICAgICAgICAgcmVxdWVzdHM6CiAg"
        + "ICAgICAgICAgICAgY3B1OiAxMDBtCi0tLQphcGlWZXJzaW9uOiB2MQpraW5kOiBQb2QKbWV0YWRhdGE6CiAgbmFtZTogZXhwb3J0ZXIKICBuYW0KICAgICAg"
        + "aW5pdENvbnRhaW5lcnM6CmVzcGFjZTogcmVwb3J0aW5nCnNwZWM6CiAgY29udGFpbmVyczoKICAgIC0gbmFtZTogZXhwb3J0ZXIKICAgICAgaW1hZ2U6IHBy"
        + "b20vc3RhdHNkLWV4cG9ydGVyOnYwLjI4LjAKICAgICAgIyBUaGUgbGltaXQgd2FzIHJhaXNlZCB0byB0aGUgcmVxdWVzdCBzaW5jZTsgdGhpcyBzdXBwcmVz"
        + "c2lvbiBub3cgaGlkZXMgbm90aGluZyAoTUwwMDA1KS4KICAgICAgIyBtYW5pZmVzdGxpbnQtZGlzYWJsZS1uZXh0LWxpbmUgTUwxMDA1IC0tIGxpbWl0IHdh"
        + "cyA4eCB0aGUgcmVxdWVzdCBkdXJpbmcgdGhlIG1pZ3JhdGlvbgogICAgICByZXNvdXJjZXM6CiAgICAgICAgcmVxdWVzdHM6CiAgICAgICAgICBtZW1vcnk6"
        + "IDY0TWkKICAgICAgICBsaW1pdHM6CiAgICAgICAgICBtZW1vcnk6IDY0TWkK";
}
