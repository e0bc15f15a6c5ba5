import Foundation

/// Starts and reaps child processes for the tests without Foundation's `Process`.
///
/// Why not `Process`: on Linux it hands children the test runner's blocked signal mask, so a tmux
/// server it starts never sees SIGCHLD or SIGWINCH, and with several tests starting processes at
/// once `waitUntilExit` can miss an exit and wait for ever — which hung CI for 90 minutes. Here each
/// child gets default signal handling and an empty mask, output goes to files (a daemon that
/// inherits a pipe would hold it open for ever), and every wait has a deadline.
struct Subprocess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        let command: [String]
        let seconds: Double
        var description: String { "\(command.joined(separator: " ")) did not finish within \(seconds) s and was killed" }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        let command: [String]
        let code: Int32
        var description: String { "cannot start \(command.first ?? "?"): \(String(cString: strerror(code)))" }
    }

    let pid: pid_t
    let command: [String]
    private let outputPath: String
    private let errorPath: String

    /// Starts `command` (an absolute path, or a name looked up in PATH) in its own process group.
    init(_ command: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.command = command
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)").path
        outputPath = scratch + ".out"
        errorPath = scratch + ".err"

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let code = posix_spawnp(&child, command[0], &actions, &attributes, &argv, &envp)
        guard code == 0 else { throw SpawnFailed(command: command, code: code) }
        pid = child
    }

    /// Runs `command` to completion and returns its exit status and output.
    static func run(_ command: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                    timeout: Double = 120) throws -> Outcome {
        try Subprocess(command, environment: environment).wait(timeout: timeout)
    }

    /// Waits for the exit, polling so a deadline can end the wait; past it, the whole process group
    /// is killed and `TimedOut` thrown.
    func wait(timeout: Double = 120) throws -> Outcome {
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        let deadline = Date().addingTimeInterval(timeout)
        var delay: useconds_t = 1_000
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return Outcome(status: code, stdout: Self.read(outputPath), stderr: Self.read(errorPath))
            }
            if result < 0 && errno != EINTR { return Outcome(status: -1, stdout: Self.read(outputPath), stderr: Self.read(errorPath)) }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw TimedOut(command: command, seconds: timeout)
            }
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
    }

    /// Kills the child outright (SIGKILL), as a crash or `kill -9` would.
    func kill9() {
        kill(pid, SIGKILL)
    }

    private static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}
