using System.Globalization;
using System.Text;

namespace ManifestLint.Benchmarks.Corpus;

/// <summary>
/// Writes a deterministic corpus of realistic manifests: the same seed and file count give the same bytes on every
/// machine, and a smaller corpus is a prefix of a larger one (file <c>i</c> depends only on the seed and <c>i</c>; <see cref="HashCode"/> is not used, as it is seeded per process).
/// Namespaces of 40 files each hold a <c>namespace.yaml</c> (Namespace, LimitRange, ResourceQuota in most);
/// the rest are multi-document app files (Deployment or StatefulSet with Service and ConfigMap; JVM, Go, Node.js,
/// Python and plain images), CronJobs, DaemonSets, autoscaling files (HPA, VPA, PDB), a few JSON files and
/// <c>kind: List</c> files. About one object in four has a memory mistake the rules report. Average file: about 10 KB.
/// </summary>
public sealed class CorpusGenerator(int seed = CorpusGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20240607;
    public const int FilesPerNamespace = 40;

    internal static readonly string[] Teams = ["payments", "catalog", "search", "identity", "checkout", "platform", "data", "ml", "growth", "support"];
    private static readonly string[] Words = ["api", "worker", "gateway", "indexer", "scheduler", "ledger", "profile", "cart", "pricing", "feed", "notifier", "auth", "billing", "export", "import", "sync", "cache", "report", "router", "media"];
    private static readonly string[] Memory = ["128Mi", "256Mi", "384Mi", "512Mi", "768Mi", "1Gi", "1536Mi", "2Gi", "3Gi", "4Gi", "6Gi", "8Gi"];
    private static readonly string[] Cpu = ["50m", "100m", "250m", "500m", "750m", "1", "2"];

    /// <summary>The relative path and content of file <paramref name="index"/> of the corpus.</summary>
    public (string Path, string Text) File(int index)
    {
        var (random, app, roll) = Plan(index);
        var ns = $"{Teams[index / FilesPerNamespace % Teams.Length]}-{index / FilesPerNamespace:D4}";
        var local = index % FilesPerNamespace;
        var directory = $"{ns}/{app}";
        if (local == 0)
        {
            return ($"{ns}/namespace.yaml", NamespaceFile(ns, random));
        }

        // An autoscaling file follows the app file it scales (the app's kind is its third draw).
        var (previousRandom, previous, previousRoll) = Plan(index - 1);
        if (roll < 12 && local > 1 && previousRoll >= 29)
        {
            return ($"{ns}/{previous}/autoscaling.yaml", AutoscalingFile(ns, previous, previousRandom.Next(5) == 0 ? "StatefulSet" : "Deployment", random));
        }

        return roll switch
        {
            < 20 => ($"{directory}/cronjob.yaml", CronJobFile(ns, app, random)),
            < 24 => ($"{directory}/daemonset.yaml", DaemonSetFile(ns, app, random)),
            < 27 => ($"{directory}/deployment.json", JsonDeployment(ns, app, random)),
            < 29 => ($"{directory}/list.yaml", ListFile(ns, app, random)),
            _ => ($"{directory}/app.yaml", AppFile(ns, app, random)),
        };
    }

    /// <summary>File <paramref name="index"/>'s random source, after its first two draws: its app name and what it holds.</summary>
    private (Random Random, string App, int Roll) Plan(int index)
    {
        var random = new Random(unchecked((seed * 31) + (index * 1_000_003)) & 0x7fffffff);
        var app = $"{Words[random.Next(Words.Length)]}-{index:D5}";
        return (random, app, random.Next(100));
    }

    /// <summary>Writes files 0 to <paramref name="count"/> - 1 under <paramref name="root"/>; returns the bytes written.</summary>
    public long Write(string root, int count) => CorpusFiles.Write(root, Enumerable.Range(0, count).Select(File));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string NamespaceFile(string ns, Random random)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"""
            # Namespace {ns}: defaults and quota for every workload in it.
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {ns}
              labels:
                kubernetes.io/metadata.name: {ns}
                team: {ns[..ns.IndexOf('-', StringComparison.Ordinal)]}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: defaults
              namespace: {ns}
            spec:
              limits:
                - type: Container
                  default:
                    cpu: 500m
                    memory: {Pick(random, ["512Mi", "1Gi"])}
                  defaultRequest:
                    cpu: 100m
                    memory: 256Mi
                  max:
                    memory: {Pick(random, ["8Gi", "16Gi", "4Gi"])}
                  min:
                    memory: 32Mi

            """);
        if (random.Next(4) > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: v1
                kind: ResourceQuota
                metadata:
                  name: compute
                  namespace: {ns}
                spec:
                  hard:
                    requests.cpu: "40"
                    requests.memory: 80Gi
                    limits.memory: 160Gi
                    pods: "200"

                """);
        }

        return b.ToString();
    }

    private static string Labels(string app, string ns, string indent, Random random) =>
        string.Join('\n', new[]
        {
            $"app.kubernetes.io/name: {app}",
            $"app.kubernetes.io/part-of: {ns}",
            $"app.kubernetes.io/version: \"{random.Next(1, 9)}.{random.Next(30)}.{random.Next(10)}\"",
            "app.kubernetes.io/managed-by: kustomize",
        }.Select(l => indent + l));

    /// <summary>One container, with a runtime, its flags and resources; about one in four has a memory mistake.</summary>
    private static string Container(string name, Random random, string indent, bool main)
    {
        var limitIndex = random.Next(2, Memory.Length - 2);
        var limit = Memory[limitIndex];
        var request = Memory[Math.Max(0, limitIndex - random.Next(3))];
        var mistake = random.Next(4) == 0 ? random.Next(6) : -1;
        var runtime = main ? random.Next(5) : 4;
        var (image, command, env) = runtime switch
        {
            0 => ($"eclipse-temurin:{Pick(random, ["17", "21"])}-jre", "[\"java\", \"-XX:MaxRAMPercentage=" + (mistake == 0 ? "90.0" : "70.0") + "\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \"/app/app.jar\"]",
                new[] { ("JAVA_TOOL_OPTIONS", mistake == 1 ? $"-Xmx{limit.Replace("i", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}" : "-Dfile.encoding=UTF-8") }),
            1 => ($"registry.example.com/{name}:{random.Next(100)}", "[\"/usr/local/bin/" + name + "\"]",
                new[] { ("GOMEMLIMIT", mistake == 0 ? limit.Replace("i", "iB", StringComparison.Ordinal) : "400MiB"), ("GOGC", "100") }),
            2 => ($"node:{Pick(random, ["18", "20", "22"])}-alpine", "[\"node\", \"server.js\"]",
                new[] { ("NODE_OPTIONS", mistake == 0 ? "--max-old-space-size=8192" : "--max-old-space-size=384") }),
            3 => ($"python:3.{random.Next(10, 13)}-slim", $"[\"gunicorn\", \"--workers\", \"{(mistake == 0 ? 16 : 2)}\", \"--max-requests\", \"1000\", \"app:wsgi\"]", new[] { ("PYTHONUNBUFFERED", "1") }),
            _ => ($"envoyproxy/envoy:v1.{random.Next(25, 32)}.0", "[\"envoy\", \"-c\", \"/etc/envoy/envoy.yaml\"]", Array.Empty<(string, string)>()),
        };
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{indent}- name: {name}\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}  image: {image}\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}  imagePullPolicy: IfNotPresent\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}  command: {command}\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}  ports:\n{indent}    - name: http\n{indent}      containerPort: {8000 + random.Next(100)}\n{indent}      protocol: TCP\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}  env:\n");
        foreach (var (key, value) in env)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}    - name: {key}\n{indent}      value: \"{value}\"\n");
        }

        for (var i = 0; i < 8 + random.Next(20); i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}    - name: {Pick(random, ["LOG", "FEATURE", "UPSTREAM", "CACHE", "DB", "QUEUE"])}_{Pick(random, ["LEVEL", "URL", "TIMEOUT", "SIZE", "ENABLED", "NAME"])}_{i}\n{indent}      value: \"{Pick(random, ["info", "true", "30s", "http://svc.local:8080", "256", "primary"])}\"\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"{indent}    - name: POD_NAME\n{indent}      valueFrom:\n{indent}        fieldRef:\n{indent}          fieldPath: metadata.name\n");
        if (mistake == 2)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}  resources:\n{indent}    requests:\n{indent}      cpu: {Pick(random, Cpu)}\n");
        }
        else if (mistake == 3)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}  resources:\n{indent}    requests:\n{indent}      cpu: {Pick(random, Cpu)}\n{indent}      memory: {Memory[limitIndex + 1]}\n{indent}    limits:\n{indent}      memory: {limit}\n");
        }
        else
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}  resources:\n{indent}    requests:\n{indent}      cpu: {Pick(random, Cpu)}\n{indent}      memory: {(mistake == 4 ? "512m" : request)}\n{indent}    limits:\n{indent}      memory: {limit}\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"""
            {indent}  livenessProbe:
            {indent}    httpGet:
            {indent}      path: /healthz
            {indent}      port: http
            {indent}    initialDelaySeconds: {random.Next(5, 60)}
            {indent}    periodSeconds: 10
            {indent}  readinessProbe:
            {indent}    httpGet:
            {indent}      path: /ready
            {indent}      port: http
            {indent}  securityContext:
            {indent}    allowPrivilegeEscalation: false
            {indent}    readOnlyRootFilesystem: true
            {indent}    capabilities:
            {indent}      drop: ["ALL"]
            {indent}  volumeMounts:
            {indent}    - name: config
            {indent}      mountPath: /etc/{name}
            {indent}    - name: tmp
            {indent}      mountPath: /tmp

            """);
        return b.ToString();
    }

    private static string PodSpec(string app, string ns, Random random, string indent)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{indent}serviceAccountName: {app}\n{indent}terminationGracePeriodSeconds: 30\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}securityContext:\n{indent}  runAsNonRoot: true\n{indent}  runAsUser: 10001\n{indent}  fsGroup: 10001\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}affinity:\n{indent}  podAntiAffinity:\n{indent}    preferredDuringSchedulingIgnoredDuringExecution:\n{indent}      - weight: 100\n{indent}        podAffinityTerm:\n{indent}          topologyKey: kubernetes.io/hostname\n{indent}          labelSelector:\n{indent}            matchLabels:\n{indent}              app.kubernetes.io/name: {app}\n");
        b.Append(CultureInfo.InvariantCulture, $"{indent}containers:\n");
        b.Append(Container(app, random, indent + "  ", main: true));
        if (random.Next(2) == 0)
        {
            b.Append(Container("envoy", random, indent + "  ", main: false));
        }

        b.Append(CultureInfo.InvariantCulture, $"{indent}volumes:\n{indent}  - name: config\n{indent}    configMap:\n{indent}      name: {app}-config\n");
        b.Append(random.Next(6) == 0
            ? $"{indent}  - name: tmp\n{indent}    emptyDir:\n{indent}      medium: Memory\n"
            : $"{indent}  - name: tmp\n{indent}    emptyDir:\n{indent}      sizeLimit: 256Mi\n");
        return b.ToString();
    }

    private static string ConfigData(Random random, string indent, int lines)
    {
        var b = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{indent}{Pick(random, Words)}.{Pick(random, ["timeout", "pool.size", "retries", "endpoint", "enabled", "batch"])}.{i} = {Pick(random, ["30s", "16", "3", "https://internal.example.com/v1/resource", "true", "500"])}\n");
        }

        return b.ToString();
    }

    private static string AppFile(string ns, string app, Random random)
    {
        var kind = random.Next(5) == 0 ? "StatefulSet" : "Deployment";
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"""
            # {app}: {kind}, Service and configuration.
            apiVersion: apps/v1
            kind: {kind}
            metadata:
              name: {app}
              namespace: {ns}
              labels:
            {Labels(app, ns, "    ", random)}
              annotations:
                deployment.kubernetes.io/revision: "{random.Next(1, 300)}"
                description: "The {app} service of namespace {ns}; owned by the {ns} team."
            spec:
              replicas: {random.Next(1, 7)}
              revisionHistoryLimit: 5
              selector:
                matchLabels:
                  app.kubernetes.io/name: {app}

            """);
        b.Append(kind == "StatefulSet" ? $"  serviceName: {app}\n" : "  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n");
        b.Append(CultureInfo.InvariantCulture, $"""
              template:
                metadata:
                  labels:
            {Labels(app, ns, "        ", random)}
                  annotations:
                    prometheus.io/scrape: "true"
                    prometheus.io/port: "9090"
                spec:

            """);
        b.Append(PodSpec(app, ns, random, "      "));
        b.Append(CultureInfo.InvariantCulture, $"""
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: {app}
              namespace: {ns}
              labels:
            {Labels(app, ns, "    ", random)}
            spec:
              type: ClusterIP
              selector:
                app.kubernetes.io/name: {app}
              ports:
                - name: http
                  port: 80
                  targetPort: http
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {app}-config
              namespace: {ns}
            data:
              application.properties: |

            """);
        b.Append(ConfigData(random, "    ", 130 + random.Next(170)));
        return b.ToString();
    }

    private static string CronJobFile(string ns, string app, Random random) => $"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: {app}
          namespace: {ns}
          labels:
        {Labels(app, ns, "    ", random)}
        spec:
          schedule: "{random.Next(60)} {random.Next(24)} * * *"
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          jobTemplate:
            spec:
              backoffLimit: 2
              activeDeadlineSeconds: 3600
              template:
                metadata:
                  labels:
        {Labels(app, ns, "            ", random)}
                spec:
                  restartPolicy: OnFailure
        {PodSpec(app, ns, random, "          ")}
        """;

    private static string DaemonSetFile(string ns, string app, Random random) => $"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: {app}
          namespace: {ns}
          labels:
        {Labels(app, ns, "    ", random)}
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: {app}
          template:
            metadata:
              labels:
        {Labels(app, ns, "        ", random)}
            spec:
              priorityClassName: system-node-critical
              tolerations:
                - operator: Exists
        {PodSpec(app, ns, random, "      ")}
        """;

    /// <summary>Autoscaling for the previous file's app: an HPA (sometimes on memory), a VPA (sometimes), a PDB (sometimes).</summary>
    private static string AutoscalingFile(string ns, string app, string kind, Random random)
    {
        var b = new StringBuilder();
        var target = random.Next(10) == 0 ? app + "-old" : app;
        b.Append(CultureInfo.InvariantCulture, $"""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: {app}
              namespace: {ns}
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: {kind}
                name: {target}
              minReplicas: 2
              maxReplicas: {random.Next(3, 20)}
              metrics:
                - type: Resource
                  resource:
                    name: {(random.Next(3) == 0 ? "memory" : "cpu")}
                    target:
                      type: Utilization
                      averageUtilization: 70

            """);
        if (random.Next(2) == 0)
        {
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
                    kind: {kind}
                    name: {app}
                  updatePolicy:
                    updateMode: {Pick(random, ["Off", "Initial", "Recreate"])}
                  resourcePolicy:
                    containerPolicies:
                      - containerName: "*"
                        controlledResources: ["cpu", "memory"]
                        minAllowed:
                          memory: 128Mi
                        maxAllowed:
                          memory: {Pick(random, Memory)}

                """);
        }

        if (random.Next(2) == 0)
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
                      app.kubernetes.io/name: {app}

                """);
        }

        return b.ToString();
    }

    private static string JsonDeployment(string ns, string app, Random random)
    {
        var limit = Pick(random, Memory);
        var env = string.Join(",\n", Enumerable.Range(0, 6 + random.Next(10)).Select(i => $"              {{ \"name\": \"SETTING_{i}\", \"value\": \"{Pick(random, Words)}\" }}"));
        return $$"""
            {
              "apiVersion": "apps/v1",
              "kind": "Deployment",
              "metadata": { "name": "{{app}}", "namespace": "{{ns}}", "labels": { "app.kubernetes.io/name": "{{app}}" } },
              "spec": {
                "replicas": {{random.Next(1, 5)}},
                "selector": { "matchLabels": { "app.kubernetes.io/name": "{{app}}" } },
                "template": {
                  "metadata": { "labels": { "app.kubernetes.io/name": "{{app}}" } },
                  "spec": {
                    "containers": [
                      {
                        "name": "{{app}}",
                        "image": "registry.example.com/{{app}}:1.{{random.Next(50)}}",
                        "env": [
            {{env}}
                        ],
                        "resources": { "requests": { "cpu": "100m", "memory": "{{limit}}" }, "limits": { "memory": "{{(random.Next(4) == 0 ? "" : limit)}}" } }
                      }
                    ]
                  }
                }
              }
            }

            """;
    }

    private static string ListFile(string ns, string app, Random random)
    {
        var b = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        for (var i = 0; i < 3; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"""
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: {app}-{i}
                      namespace: {ns}
                    spec:

                """);
            b.Append(PodSpec($"{app}-{i}", ns, random, "      "));
        }

        return b.ToString();
    }
}
