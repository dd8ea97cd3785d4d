using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Resources;

public class MemoryEmptyDirWithoutSizeLimitRuleTests
{
    private const string Rule = "ML1008";

    [Fact]
    public void MemoryEmptyDirWithoutSizeLimit_IsReportedAtMedium()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
              namespace: media
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
                  resources:
                    limits:
                      memory: 1Gi
              volumes:
                - name: frames
                  emptyDir:
                    medium: Memory   # Noncompliant {{volume "frames" is a memory-backed emptyDir}}
            """);
    }

    [Fact]
    public void FlowStyleEmptyDir_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
              volumes:
                - name: frames
                  emptyDir: {medium: Memory}   # Noncompliant
            """);
    }

    [Fact]
    public void MemoryEmptyDirWithSizeLimit_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
              volumes:
                - name: frames
                  emptyDir:
                    medium: Memory
                    sizeLimit: 256Mi
            """);
    }

    [Fact]
    public void ZeroSizeLimit_IsIgnoredByTheKubelet_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
              volumes:
                - name: frames
                  emptyDir:
                    sizeLimit: "0"
                    medium: Memory   # Noncompliant {{with sizeLimit 0, which the kubelet ignores}}
            """);
    }

    [Fact]
    public void DiskEmptyDir_IsNotReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
              volumes:
                - name: tmp
                  emptyDir: {}
                - name: cache
                  emptyDir:
                    medium: ""
            """);
    }

    [Fact]
    public void InvalidSizeLimit_IsLeftToInvalidQuantity()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: renderer
            spec:
              containers:
                - name: renderer
                  image: ghcr.io/example/renderer:2.0.0
              volumes:
                - name: frames
                  emptyDir:
                    medium: Memory
                    sizeLimit: 256MB
            """);
    }

    [Fact]
    public void EveryMemoryVolumeOfCronJobAndStatefulSet_IsReported()
    {
        Verify(Rule, """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: thumbnails
              namespace: media
            spec:
              schedule: "*/15 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: thumbnails
                          image: ghcr.io/example/thumbnails:1.2.0
                      volumes:
                        - name: scratch
                          emptyDir:
                            medium: Memory   # Noncompliant {{CronJob media/thumbnails: volume "scratch"}}
                        - name: shm
                          emptyDir:
                            medium: Memory   # Noncompliant {{volume "shm"}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: redis
              namespace: media
            spec:
              serviceName: redis
              selector:
                matchLabels:
                  app: redis
              template:
                metadata:
                  labels:
                    app: redis
                spec:
                  containers:
                    - name: redis
                      image: redis:7.4
                  volumes:
                    - name: data
                      emptyDir:
                        medium: Memory   # Noncompliant {{StatefulSet media/redis}}
            """);
    }
}
