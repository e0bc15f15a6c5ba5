import Credentials
import Domain
import Foundation
import Synchronization

/// Where matching jobs run for the command line: in this process (`match run --wait`), or in a
/// detached worker process of this same binary (`match run` alone), so the job goes on after the
/// command returns.
enum JobWorker {
    /// Set by Ctrl-C during `--wait`: the job is asked to stop and ends as cancelled.
    static let interrupted = Atomic<Bool>(false)

    static func execute(_ job: MatchingJob, context: CommandContext, isCancelledLocally: () -> Bool = { false },
                        observe: (MatchingJob) -> Void) throws -> MatchingJob {
        let chosen = try pipeline(for: job, context: context)
        return try JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: try context.store(), pipeline: chosen,
                                    textDigest: SHA256Digest.bytes(of:), runnerPID: getpid(), log: context.log,
                                    isCancelledLocally: isCancelledLocally, observe: observe)
    }

    /// The pipeline to run `job` with. When it cannot be had (the model went missing since the job
    /// was started), the job ends failed, saying why, and the reason is thrown.
    static func pipeline(for job: MatchingJob, context: CommandContext) throws -> MatchingPipeline {
        do {
            return try pipeline(for: job.organizationID, context: context)
        } catch {
            try context.store().write { tx in
                try tx.finishJob(job.id, status: .failed, errorMessage: String(describing: error), failedStep: .embedding,
                                 at: UTCTimestamp.now())
            }
            throw error
        }
    }

    /// The pipeline with the embedder the organization chose, or the reason it cannot run (the
    /// semantic model chosen but not installed).
    static func pipeline(for organizationID: Organization.ID, context: CommandContext) throws -> MatchingPipeline {
        let choice = try context.store().read { try $0.organization(id: organizationID) }?.embedder ?? .automatic
        return MatchingPipeline(embedder: try EmbedderCatalog(environment: context.environment).embedder(choice))
    }

    static func runHere(_ job: MatchingJob, context: CommandContext, showProgress: Bool) throws -> MatchingJob {
        signal(SIGINT) { _ in JobWorker.interrupted.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        var display = ProgressDisplay(enabled: showProgress, terminal: isatty(STDOUT_FILENO) == 1)
        let final = try execute(job, context: context, isCancelledLocally: { interrupted.load(ordering: .relaxed) }) { display.show($0) }
        display.finish()
        return final
    }

    /// Starts `match-console job work JOB` in a new session with no terminal, so closing the
    /// terminal does not stop it.
    static func spawn(jobID: MatchingJob.ID, databasePath: String) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let arguments = [executable, "--db", databasePath, "job", "work", String(jobID)]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26+): its header hides it behind _GNU_SOURCE, so Swift cannot see the name.
        let startNewSession: Int16 = 0x80
        // The worker starts with default signal actions and nothing blocked, whatever this process had.
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, startNewSession | Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
        guard status == 0 else { throw CommandFailure("cannot start the matching worker: \(String(cString: strerror(status)))") }
    }
}

/// Progress of a job as it runs: a bar redrawn in place on a terminal, one line per step elsewhere.
struct ProgressDisplay {
    let enabled: Bool
    let terminal: Bool
    private var lastStep: JobStatus?
    private var lastDraw = Date.distantPast
    private var stepStarts: [(JobStatus, Date)] = []

    init(enabled: Bool, terminal: Bool) {
        self.enabled = enabled
        self.terminal = terminal
    }

    mutating func show(_ job: MatchingJob) {
        if stepStarts.last?.0 != job.status { stepStarts.append((job.status, Date())) }
        guard enabled, !job.status.isFinished else { return }
        let stepChanged = job.status != lastStep
        if terminal {
            guard stepChanged || Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = Date()
            if stepChanged && lastStep != nil { write("\n") }
            write("\r\u{1B}[K" + JobText.progressLine(job, barWidth: 24))
        } else if stepChanged {
            write(JobText.progressLine(job, barWidth: 0) + "\n")
        }
        lastStep = job.status
    }

    /// Ends the bar and prints how long each step took.
    func finish() {
        guard enabled else { return }
        if terminal && lastStep != nil { write("\n") }
        let timings = zip(stepStarts, stepStarts.dropFirst()).filter { JobStatus.steps.contains($0.0.0) }.map { start, end in
            String(format: "%@ %.2f s", start.0.rawValue, end.1.timeIntervalSince(start.1))
        }
        if !timings.isEmpty { write("Steps: " + timings.joined(separator: ", ") + "\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
