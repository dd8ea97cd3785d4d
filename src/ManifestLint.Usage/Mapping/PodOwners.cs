using System.Text.RegularExpressions;
using ManifestLint.Usage.Reading;

namespace ManifestLint.Usage.Mapping;

/// <summary>
/// The workloads (kind and name) a pod may belong to, from kube-state-metrics' owner labels when the series has them,
/// else from the pod's name as the controllers build it (rules/ML8005.md lists the shapes and their sources). Every
/// shape a name fits is a candidate; the candidates are then looked up among the input's workloads, never guessed.
/// </summary>
internal static partial class PodOwners
{
    /// <summary>Kubernetes' random-string alphabet (<c>k8s.io/apimachinery/pkg/util/rand</c>): no vowels, no 0, 1, 3.</summary>
    private const string Alphabet = "[bcdfghjklmnpqrstvwxz2456789]";

    public static IReadOnlyList<(string Kind, string Name)> Candidates(PodContainer pod)
    {
        if (pod.OwnerKind is { } kind && pod.OwnerName is { } name)
        {
            return FromOwner(kind, name, pod.Pod);
        }

        var candidates = new List<(string, string)> { ("Pod", pod.Pod) };
        if (Ordinal().Match(pod.Pod) is { Success: true } ordinal)
        {
            candidates.Add(("StatefulSet", ordinal.Groups[1].Value));
        }

        if (GeneratedSuffix().Match(pod.Pod) is { Success: true } suffix)
        {
            var owner = suffix.Groups[1].Value;
            candidates.Add(("DaemonSet", owner));
            candidates.Add(("Job", owner));
            candidates.AddRange(FromOwner("ReplicaSet", owner, pod.Pod));
            if (CronJobJob().Match(owner) is { Success: true } cron)
            {
                candidates.Add(("CronJob", cron.Groups[1].Value));
            }
        }

        return candidates.Distinct().ToList();
    }

    private static List<(string Kind, string Name)> FromOwner(string kind, string name, string pod)
    {
        switch (kind)
        {
            case "ReplicaSet":
                var replicaSet = new List<(string, string)> { ("ReplicaSet", name) };
                if (TemplateHash().Match(name) is { Success: true } hash)
                {
                    replicaSet.Add(("Deployment", hash.Groups[1].Value));
                    replicaSet.Add(("Rollout", hash.Groups[1].Value));
                }

                return replicaSet;
            case "Job":
                var job = new List<(string, string)> { ("Job", name) };
                if (CronJobJob().Match(name) is { Success: true } cron)
                {
                    job.Add(("CronJob", cron.Groups[1].Value));
                }

                return job;
            case "Node":
                return [("Pod", pod)]; // a static pod: the kubelet's mirror pod
            default:
                return [(kind, name)];
        }
    }

    /// <summary><c>&lt;name&gt;-&lt;ordinal&gt;</c>: a StatefulSet's pod.</summary>
    [GeneratedRegex(@"^(.+)-(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    /// <summary><c>&lt;owner&gt;-&lt;5 random characters&gt;</c>: generateName's suffix (DaemonSet, Job, ReplicaSet pods).</summary>
    [GeneratedRegex($"^(.+)-{Alphabet}{{5}}$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedSuffix();

    /// <summary><c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>: a ReplicaSet a Deployment made (the hash is a uint32, safe-encoded: 1 to 10 characters).</summary>
    [GeneratedRegex($"^(.+)-{Alphabet}{{1,10}}$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateHash();

    /// <summary><c>&lt;cronjob&gt;-&lt;scheduled time in minutes&gt;</c>: a Job a CronJob made.</summary>
    [GeneratedRegex(@"^(.+)-([0-9]{8,})$", RegexOptions.CultureInvariant)]
    private static partial Regex CronJobJob();
}
