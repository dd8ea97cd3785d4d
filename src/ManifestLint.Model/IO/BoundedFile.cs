using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ManifestLint.Model.IO;

/// <summary>
/// Reads files so that no file can hang or flood the run: inputs, charts' own files, values, configurations. It lives
/// in the model, the lowest project, so every front end (Helm, the CLI, Kustomize next) reads files the same way. A file met in a directory walk must be a regular
/// file: it is opened without blocking (a FIFO named <c>x.yaml</c> would otherwise wait forever for a writer) and a
/// pipe, socket or device is refused. Every read stops one byte past the size limit (<c>/dev/zero</c> given as a
/// path is "too large", not an endless read); the loader reports the file as too large.
/// </summary>
public static class BoundedFile
{
    private const int LinuxReadOnlyNonBlocking = 0x800 | 0x80000;   // O_RDONLY | O_NONBLOCK | O_CLOEXEC
    private const int MacReadOnlyNonBlocking = 0x4 | 0x1000000;     // O_RDONLY | O_NONBLOCK | O_CLOEXEC

    /// <summary>A regular file's bytes, at most <paramref name="maxBytes"/> + 1 of them.</summary>
    /// <exception cref="IOException">It cannot be read, or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static byte[] ReadRegularFile(string path, long maxBytes)
    {
        using var handle = OpenWithoutBlocking(path);
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        if (!stream.CanSeek)
        {
            throw new IOException("It is not a regular file (a pipe, socket or device), so it is not read.");
        }

        return ReadBounded(stream, maxBytes);
    }

    /// <summary>
    /// A regular file read whole, for the files the tool reads besides its inputs (Chart.yaml, values, templates,
    /// configuration, baselines): one past <paramref name="maxBytes"/> (by default the size limit of inputs) is an error.
    /// </summary>
    /// <exception cref="IOException">It cannot be read, is not a regular file, or is too large.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static byte[] ReadWhole(string path, long maxBytes = 0)
    {
        maxBytes = maxBytes > 0 ? maxBytes : Yaml.LoadLimits.Default.MaxFileBytes;
        var bytes = ReadRegularFile(path, maxBytes);
        return bytes.Length <= maxBytes ? bytes : throw new IOException($"It is larger than {maxBytes:N0} bytes, so it is not read.");
    }

    /// <summary>Any file the user named, pipes and devices included (<c>lint &lt;(helm template …)</c>): read as it comes, bounded.</summary>
    public static byte[] ReadNamedFile(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return ReadBounded(stream, maxBytes);
    }

    /// <summary>Reads to the end, or to <paramref name="maxBytes"/> + 1 bytes, whichever comes first.</summary>
    public static byte[] ReadBounded(Stream stream, long maxBytes)
    {
        var cap = (int)Math.Min(Array.MaxLength - 1, Math.Max(0, maxBytes)) + 1;
        if (stream.CanSeek && stream.Length - stream.Position is > 0 and var length)
        {
            // A regular file: one array of its size, not a growing buffer and a copy (a 50 MB file would cost 115 MB).
            var bytes = new byte[Math.Min(length, cap)];
            var total = 0;
            while (total < bytes.Length && stream.Read(bytes, total, bytes.Length - total) is > 0 and var n)
            {
                total += n;
            }

            return total == bytes.Length ? bytes : bytes[..total];
        }

        // Pipes, devices and files whose size is not known (/proc): read as it comes.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < cap)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap - buffer.Length));
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The canonical path (every symbolic link resolved), or null when it cannot be resolved (a loop, a dangling link).</summary>
    public static string? RealPath(string path, out string? error)
    {
        error = null;
        if (OperatingSystem.IsWindows())
        {
            try
            {
                var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
                return target is null ? Path.GetFullPath(path) : target.Exists ? target.FullName : null;
            }
            catch (IOException e)
            {
                error = e.Message;
                return null;
            }
        }

        var resolved = NativeRealPath(NulTerminated(path), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeFree(resolved);
        }
    }

    private static SafeFileHandle OpenWithoutBlocking(string path)
    {
        var flags = OperatingSystem.IsLinux() ? LinuxReadOnlyNonBlocking : OperatingSystem.IsMacOS() ? MacReadOnlyNonBlocking : -1;
        if (flags < 0)
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var fd = NativeOpen(NulTerminated(path), flags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(errno);
            throw errno switch
            {
                2 => new FileNotFoundException("It no longer exists.", path),
                13 => new UnauthorizedAccessException($"{message}."),
                _ => new IOException(message),
            };
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static byte[] NulTerminated(string path) => [.. System.Text.Encoding.UTF8.GetBytes(path), 0];

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr NativeRealPath(byte[] path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void NativeFree(IntPtr pointer);
}
