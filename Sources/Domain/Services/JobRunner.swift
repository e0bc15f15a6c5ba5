import Foundation
import Synchronization

/// Runs a matching job on a thread of its own, with its own store, and posts what happens to an
/// inbox the UI drains on its own schedule: the pipeline never waits for the screen.
public final class JobRunner: Sendable {
    public enum Event: Sendable {
        case progress(MatchingJob)
        case finished(MatchingJob)
        /// The job could not even be run (e.g. its database could not be opened).
        case crashed(jobID: MatchingJob.ID, message: String)
    }

    public let jobID: MatchingJob.ID
    private let cancelled = Atomic<Bool>(false)

    private init(jobID: MatchingJob.ID) {
        self.jobID = jobID
    }

    /// Asks the job to stop at its next check; it ends as cancelled.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    public static func start(_ job: MatchingJob, factory: any StoreFactory, pipeline: MatchingPipeline = MatchingPipeline(),
                             textDigest: EmbeddingCache.Digest? = nil, runnerPID: Int32, log: any EventLog = DiscardingEventLog(), inbox: Inbox<Event>) -> JobRunner {
        let runner = JobRunner(jobID: job.id)
        let thread = Thread {
            do {
                let store = try factory.makeStore()
                let final = try JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: store, pipeline: pipeline,
                                                 textDigest: textDigest,
                                                 runnerPID: runnerPID, log: log,
                                                 isCancelledLocally: { runner.cancelled.load(ordering: .relaxed) },
                                                 observe: { inbox.post(.progress($0)) })
                inbox.post(.finished(final))
            } catch {
                inbox.post(.crashed(jobID: job.id, message: String(describing: error)))
            }
        }
        thread.name = "matching-job-\(job.id)"
        thread.stackSize = 8 << 20
        thread.start()
        return runner
    }
}

/// A mutex-protected queue: background work posts, the main loop drains everything at once.
public final class Inbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])

    public init() {}

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
    }

    public func drain() -> [Message] {
        messages.withLock { queued in
            defer { queued.removeAll(keepingCapacity: true) }
            return queued
        }
    }
}
