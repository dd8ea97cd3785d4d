using ManifestLint.Model.Runtimes;
using Xunit;

namespace ManifestLint.Tests.Model.Runtimes;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("openjdk", null, "openjdk", null, null)]
    [InlineData("openjdk:8u181-jre", null, "openjdk", "8u181-jre", null)]
    [InlineData("docker.io/library/openjdk:17", "docker.io", "library/openjdk", "17", null)]
    [InlineData("azul/zulu-openjdk:17", null, "azul/zulu-openjdk", "17", null)]
    [InlineData("localhost:5000/app:1.2", "localhost:5000", "app", "1.2", null)]
    [InlineData("localhost/app", "localhost", "app", null, null)]
    [InlineData("ghcr.io/org/team/app:2.0@sha256:abc", "ghcr.io", "org/team/app", "2.0", "sha256:abc")]
    [InlineData("golang@sha256:abc", null, "golang", null, "sha256:abc")]
    [InlineData("registry:5000/app", "registry:5000", "app", null, null)]
    public void Parse_SplitsRegistryRepositoryTagAndDigest(string image, string? registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal(new ImageReference(registry, repository, tag, digest), reference);
        Assert.Equal(image, reference?.ToString());
    }

    [Theory]
    [InlineData("docker.io/library/openjdk:17", "openjdk", "openjdk")]
    [InlineData("bellsoft/liberica-openjdk-alpine:17", "bellsoft/liberica-openjdk-alpine", "liberica-openjdk-alpine")]
    [InlineData("Public.ECR.aws/AmazonCorretto/AmazonCorretto:17", "amazoncorretto/amazoncorretto", "amazoncorretto")]
    public void PathAndName_DropLibraryAndAreLowerCase(string image, string path, string name)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal(path, reference?.Path);
        Assert.Equal(name, reference?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_EmptyIsNull(string? image)
    {
        Assert.Null(ImageReference.Parse(image));
    }

    [Theory]
    [InlineData(Runtime.Jvm, "8u181-jre", 8, null, null, 181, "8u181")]
    [InlineData(Runtime.Jvm, "8u372-b07-jre-jammy", 8, null, null, 372, "8u372")]
    [InlineData(Runtime.Jvm, "open-8u362-b09-jre-focal", 8, null, null, 362, "8u362")]
    [InlineData(Runtime.Jvm, "jdk8u372-b07", 8, null, null, 372, "8u372")]
    [InlineData(Runtime.Jvm, "8.372.07.1", 8, null, null, 372, "8u372")]
    [InlineData(Runtime.Jvm, "1.8.0_181", 8, null, null, 181, "8u181")]
    [InlineData(Runtime.Jvm, "8-jre", 8, null, null, null, "8")]
    [InlineData(Runtime.Jvm, "11.0.15_10-jre", 11, 0, 15, null, "11.0.15")]
    [InlineData(Runtime.Jvm, "11.0.19.7.1", 11, 0, 19, null, "11.0.19")]
    [InlineData(Runtime.Jvm, "17-jre-alpine", 17, null, null, null, "17")]
    [InlineData(Runtime.Jvm, "21", 21, null, null, null, "21")]
    [InlineData(Runtime.Jvm, "jre-11.0.9_11", 11, 0, 9, null, "11.0.9")]
    [InlineData(Runtime.Go, "1.18", 1, 18, null, null, "1.18")]
    [InlineData(Runtime.Go, "1.22.3-bookworm", 1, 22, 3, null, "1.22.3")]
    [InlineData(Runtime.Node, "10-alpine", 10, null, null, null, "10")]
    [InlineData(Runtime.Node, "20.3.1", 20, 3, 1, null, "20.3.1")]
    [InlineData(Runtime.Python, "3.11-slim", 3, 11, null, null, "3.11")]
    public void RuntimeVersion_FromTag(Runtime runtime, string tag, int major, int? minor, int? patch, int? update, string shown)
    {
        var version = RuntimeVersion.FromTag(runtime, tag);

        Assert.Equal(new RuntimeVersion(major, minor, patch, update), version);
        Assert.Equal(shown, version?.ToString());
    }

    [Theory]
    [InlineData(Runtime.Jvm, "latest")]
    [InlineData(Runtime.Jvm, "jre")]
    [InlineData(Runtime.Node, "lts-alpine")]
    [InlineData(Runtime.Go, "alpine3.19")]
    [InlineData(Runtime.Go, null)]
    [InlineData(Runtime.Python, "")]
    public void RuntimeVersion_UnknownTagIsNull(Runtime runtime, string? tag)
    {
        Assert.Null(RuntimeVersion.FromTag(runtime, tag));
    }
}
