using Xunit;
using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Rules.Go;

public class GoMemLimitMissingRuleTests
{
    private const string Rule = "ML3004";

    [Fact]
    public void GoWithALimitAndNoGoMemLimit_IsReported()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: guessed
                  image: ghcr.io/example/api:1.4.0
                  env:   # Noncompliant {{container "guessed" (Go detected from env GOGC) has a 1024 MiB memory limit and no GOMEMLIMIT, so its GC lets the heap grow toward double the live data, past the limit if need be. Set GOMEMLIMIT=921MiB (about 90% of the limit).}}
                    - {name: GOGC, value: "100"}
                  resources:
                    limits:
                      memory: 1Gi
                - name: golang-image   # Noncompliant {{container "golang-image" has a 2048 MiB memory limit}}
                  image: golang:1.22
                  command: [go, run, ./cmd/server]
                  resources:
                    limits:
                      memory: 2Gi
                - name: explicitly-off
                  image: golang:1.22
                  env:
                    - {name: GOMEMLIMIT, value: "off"}   # Noncompliant
                  resources:
                    limits:
                      memory: 2Gi
            """);
    }

    [Fact]
    public void GoBefore119_IsReportedEvenWithGoMemLimit()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: golang:1.18
                  env:
                    - name: GOMEMLIMIT
                      value: 900MiB   # Noncompliant {{runs Go 1.18 (image golang:1.18), which predates GOMEMLIMIT (Go 1.19)}}
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }

    [Fact]
    public void NotReported_WithGoMemLimit_WithoutALimit_WithGcOff_OrUnknownValues()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: set
                  image: golang:1.22
                  env:
                    - {name: GOMEMLIMIT, value: 921MiB}
                  resources:
                    limits:
                      memory: 1Gi
                - name: no-limit
                  image: golang:1.22
                - name: gc-off
                  image: golang:1.22
                  env:
                    - {name: GOGC, value: "off"}
                  resources:
                    limits:
                      memory: 1Gi
                - name: from-a-config-map
                  image: golang:1.22
                  env:
                    - name: GOMEMLIMIT
                      valueFrom:
                        configMapKeyRef: {name: go, key: limit}
                  resources:
                    limits:
                      memory: 1Gi
                - name: malformed
                  image: golang:1.22
                  env:
                    - {name: GOMEMLIMIT, value: 900Mi}
                  resources:
                    limits:
                      memory: 1Gi
                - name: not-go
                  image: python:3.12
                  resources:
                    limits:
                      memory: 1Gi
            """);
    }


    // Corpus: manifests/knative-serving-core/deployments/activator.yaml (GOGC=500, 600Mi) and
    // manifests/kube-prometheus/prometheusOperator-deployment.yaml (GOGC=30, 200Mi): the heap goal is
    // live × (1 + GOGC/100), not "double" whatever GOGC says.
    [Fact]
    public void Growth_NamedFromGogc()
    {
        Verify(Rule, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app
            spec:
              containers:
                - name: activator
                  image: gcr.io/knative-releases/knative.dev/serving/cmd/activator:v1
                  env:   # Noncompliant {{lets the heap grow toward 6× the live data (GOGC=500), past the limit}}
                    - name: GOGC
                      value: "500"
                  resources:
                    limits:
                      memory: 600Mi
                - name: prometheus-operator
                  image: quay.io/prometheus-operator/prometheus-operator:v0.93.1
                  env:   # Noncompliant {{lets the heap grow toward 1.3× the live data (GOGC=30), past the limit}}
                    - name: GOGC
                      value: "30"
                  resources:
                    limits:
                      memory: 200Mi
                - name: golang   # Noncompliant {{lets the heap grow toward double the live data, past the limit}}
                  image: golang:1.22
                  command: [/app/server]
                  resources:
                    limits:
                      memory: 200Mi
            """);
    }
}
