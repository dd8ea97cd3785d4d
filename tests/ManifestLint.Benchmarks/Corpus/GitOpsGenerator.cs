using System.Globalization;
using System.Text;

namespace ManifestLint.Benchmarks.Corpus;

/// <summary>
/// The GitOps environments corpus of issue 12: one directory per cluster (<c>env-0</c> ... <c>env-5</c>), each with the
/// same 10 namespaces, and in each namespace a LimitRange and a ResourceQuota (<c>policies.yaml</c>) and 20 Deployments,
/// each with its PodDisruptionBudget, VerticalPodAutoscaler and HorizontalPodAutoscaler in one file. Names are reused
/// across environments, as in real multi-cluster repositories (the environments differ only in replica counts), so a
/// lint that relates objects across directories multiplies its findings; one that treats each environment as one
/// cluster gives exactly <c>environments</c> times the findings of one.
/// Mistakes (by the app's number <c>j</c>): a limit above the LimitRange's max (ML7001), a VPA and an HPA both on
/// memory (ML6001), a VPA that evicts with no PDB (ML6002), VPA bounds below the request (ML6003), an HPA on memory
/// with a sidecar without a memory request (ML6004), a container the quota cannot count (ML7002).
/// </summary>
public static class GitOpsGenerator
{
    public const int Namespaces = 10;
    public const int AppsPerNamespace = 20;

    private static readonly string[] Words = ["api", "worker", "gateway", "indexer", "scheduler", "ledger", "profile", "cart", "pricing", "feed"];

    /// <summary>The files of environments 0 to <paramref name="environments"/> - 1.</summary>
    public static IEnumerable<(string Path, string Text)> Files(int environments)
    {
        for (var e = 0; e < environments; e++)
        {
            for (var n = 0; n < Namespaces; n++)
            {
                var ns = CorpusGenerator.Teams[n % CorpusGenerator.Teams.Length];
                yield return ($"env-{e}/{ns}/policies.yaml", Policies(ns));
                for (var j = 0; j < AppsPerNamespace; j++)
                {
                    var app = $"{Words[j % Words.Length]}-{j}";
                    yield return ($"env-{e}/{ns}/{app}.yaml", App(ns, app, j, replicas: 2 + e));
                }
            }
        }
    }

    public static long Write(string root, int environments) => CorpusFiles.Write(root, Files(environments));

    private static string Policies(string ns) => $"""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: memory-defaults
          namespace: {ns}
        spec:
          limits:
            - type: Container
              defaultRequest:
                memory: 256Mi
              default:
                memory: 512Mi
              max:
                memory: 1Gi
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: memory
          namespace: {ns}
        spec:
          hard:
            requests.memory: 64Gi
            limits.memory: 128Gi

        """;

    private static string App(string ns, string app, int j, int replicas)
    {
        var limit = j % 4 == 0 ? "2Gi" : "512Mi";
        var memoryHpa = j % 5 == 0 || j % 7 == 2;
        var vpaMode = j % 5 is 0 or 1 || j % 10 == 3 ? "Auto" : "Off";
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {app}
              namespace: {ns}
            spec:
              replicas: {replicas}
              selector:
                matchLabels:
                  app: {app}
              template:
                metadata:
                  labels:
                    app: {app}
                spec:
                  containers:
                    - name: {app}
                      image: registry.example.com/{ns}/{app}:1.{j}.0
                      resources:
                        requests:
                          cpu: 100m
                          memory: {(j % 9 == 4 ? "256Mi" : "512Mi")}

            """);
        if (j % 9 != 4)
        {
            b.Append(CultureInfo.InvariantCulture, $"            limits:\n              memory: {limit}\n");
        }

        if (j % 7 == 2)
        {
            b.Append("        - name: proxy\n          image: envoyproxy/envoy:v1.31.0\n          resources:\n            requests:\n              cpu: 50m\n            limits:\n              memory: 128Mi\n");
        }

        if (j % 5 != 1)
        {
            b.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: {app}
                  namespace: {ns}
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels:
                      app: {app}

                """);
        }

        b.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: {app}
              namespace: {ns}
            spec:
              targetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: {app}
              updatePolicy:
                updateMode: "{vpaMode}"
              resourcePolicy:
                containerPolicies:
                  - containerName: {app}
                    maxAllowed:
                      memory: {(j % 10 == 3 ? "256Mi" : "1Gi")}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: {app}
              namespace: {ns}
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: {app}
              minReplicas: {replicas}
              maxReplicas: {replicas * 4}
              metrics:
                - type: Resource
                  resource:
                    name: {(memoryHpa ? "memory" : "cpu")}
                    target:
                      type: Utilization
                      averageUtilization: 75

            """);
        return b.ToString();
    }
}
