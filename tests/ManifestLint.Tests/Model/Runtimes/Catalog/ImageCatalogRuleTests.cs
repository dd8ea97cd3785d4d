using static ManifestLint.Tests.Rules.ExpectedFindings;

namespace ManifestLint.Tests.Model.Runtimes.Catalog;

/// <summary>The runtime rules on images the catalog knows: the facts it holds change what the rules conclude.</summary>
public class ImageCatalogRuleTests
{
    // catalina.sh puts $JAVA_OPTS on the java command line of the official Tomcat image.
    [Xunit.Fact]
    public void XmxInJavaOptsOfTomcat_FillingTheLimit_IsML2001()
    {
        Verify("ML2001", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: tomcat
                  image: tomcat:10.1-jdk21
                  env:
                    - name: JAVA_OPTS
                      value: -Xmx2g   # Noncompliant {{JVM max heap 2048 MiB (-Xmx2g in JAVA_OPTS, which catalina.sh puts on the java command line (per the image catalog)) is at or above the 2048 MiB memory limit}}
                  resources:
                    limits:
                      memory: 2Gi
            """);
    }

    [Xunit.Fact]
    public void KnownGoImageWithoutGoMemLimit_IsML3004_PrometheusThreeIsNot()
    {
        Verify("ML3004", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: monitoring
            spec:
              containers:
                - name: grafana   # Noncompliant {{no GOMEMLIMIT (per the image catalog, Grafana does not set it itself)}}
                  image: docker.io/grafana/grafana:13.2.0
                  resources:
                    limits:
                      memory: 512Mi
                - name: prometheus
                  image: quay.io/prometheus/prometheus:v3.14.0
                  resources:
                    limits:
                      memory: 2Gi
                - name: prometheus-two   # Noncompliant {{no GOMEMLIMIT (per the image catalog, Prometheus does not set it itself)}}
                  image: quay.io/prometheus/prometheus:v2.53.0
                  resources:
                    limits:
                      memory: 2Gi
                - name: ingress
                  image: registry.k8s.io/ingress-nginx/controller:v1.15.1
                  resources:
                    limits:
                      memory: 512Mi
            """);
    }

    // The catalog says Kibana's start script may set the heap: no finding about V8's default heap.
    [Xunit.Fact]
    public void NodeImageWithCatalogHeapUnknown_IsQuiet_NodeRedIsNot()
    {
        Verify("ML4002", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: ui
            spec:
              containers:
                - name: kibana
                  image: docker.elastic.co/kibana/kibana:8.5.1
                  resources:
                    limits:
                      memory: 200Mi
                - name: node-red
                  image: docker.io/nodered/node-red:4.1.2
                  resources:
                    limits:
                      memory: 200Mi   # Noncompliant {{V8's old space defaults to}}
            """);
    }

    // SonarQube starts three JVMs (web, compute engine, search), each with its own options: the heaps add up.
    [Xunit.Fact]
    public void SonarQube_HeapsOfItsThreeJvmsAddUp_ForML2001()
    {
        Verify("ML2001", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: sonar
            spec:
              containers:
                - name: defaults
                  image: sonarqube:10-community
                  resources:
                    limits:
                      memory: 1536Mi   # Noncompliant {{the 3 JVMs of SonarQube (per the image catalog) together have 1536 MiB of max heap (web 512 MiB (-Xmx512m from SonarQube's start script (its default when SONAR_WEB_JAVAOPTS is unset, per the image catalog)), compute engine 512 MiB}}
                - name: bigger-search
                  image: sonarqube:10-community
                  env:
                    - name: SONAR_SEARCH_JAVAOPTS
                      value: -Xmx1g -Xms1g
                  resources:
                    limits:
                      memory: 2Gi   # Noncompliant {{together have 2048 MiB of max heap}}
                - name: fits
                  image: sonarqube:10-community
                  resources:
                    limits:
                      memory: 4Gi
            """);
    }

    [Xunit.Fact]
    public void SonarQube_FootprintsOfItsThreeJvmsAddUp_ForML2002()
    {
        Verify("ML2002", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: sonar
            spec:
              containers:
                - name: tight
                  image: sonarqube:10-community
                  resources:
                    limits:
                      memory: 1792Mi   # Noncompliant {{the 3 JVMs of SonarQube (per the image catalog) together need ≈ 1803 MiB}}
                - name: heaps-alone-too-big
                  image: sonarqube:10-community
                  resources:
                    limits:
                      memory: 1536Mi
                - name: fits
                  image: sonarqube:10-community
                  resources:
                    limits:
                      memory: 2Gi
            """);
    }
}
