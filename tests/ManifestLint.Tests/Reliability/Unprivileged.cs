using System.Runtime.InteropServices;

namespace ManifestLint.Tests.Reliability;

/// <summary>
/// Permission-denied tests need a reader that permissions apply to. The test suite often runs as root (CI does),
/// where <c>chmod 000</c> denies nothing. On Linux, <see cref="Run"/> then runs the action on a thread of its own whose
/// file-system user is <c>nobody</c> (<c>setfsuid</c> is per thread, and drops root's file capabilities on that thread
/// only); the thread ends with the action, so no other test is affected. Code under test must do its file access on
/// that thread: the engine does with <c>MaxParallelism = 1</c> (Parallel.For runs inline on the caller).
/// </summary>
internal static class Unprivileged
{
    private const uint Nobody = 65534;

    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>Runs <paramref name="action"/> where <c>chmod 000</c> denies reading; rethrows what it throws.</summary>
    public static void Run(Action action)
    {
        if (!IsRoot)
        {
            action();
            return;
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("As root, permission-denied tests need Linux (setfsuid).");
        }

        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                _ = SetFsUid(Nobody);
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new AggregateException("The unprivileged action failed.", failure);
        }
    }

    /// <summary>Makes a file or directory unreadable to anyone but root (who <see cref="Run"/> stops being).</summary>
    public static void Deny(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    public static void Allow(string path, bool directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, directory ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [DllImport("libc", EntryPoint = "setfsuid")]
    private static extern int SetFsUid(uint fsuid);
}
