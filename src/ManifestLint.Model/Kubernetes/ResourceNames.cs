namespace ManifestLint.Model.Kubernetes;

/// <summary>The resource names the memory rules and the QoS computation look at.</summary>
public static class ResourceNames
{
    public const string Memory = "memory";
    public const string Cpu = "cpu";
}
