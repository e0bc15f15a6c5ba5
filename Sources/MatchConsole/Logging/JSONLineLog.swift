import Domain
import Foundation
import Synchronization

/// Structured events as one JSON object per line in `console.log`, rotated by size
/// (`console.log.1` … `.N`). Failures to write are swallowed: logging never breaks an action;
/// `doctor` reports an unwritable log folder.
final class JSONLineLog: EventLog {
    let path: String
    private let maximumBytes: Int
    private let keptFiles: Int
    private let lock = Mutex(())

    init(directory: String, maximumBytes: Int = 10 * 1024 * 1024, keptFiles: Int = 5) {
        self.path = directory + "/console.log"
        self.maximumBytes = maximumBytes
        self.keptFiles = keptFiles
    }

    func record(_ event: LogEvent) {
        let line = Self.line(for: event, at: Date())
        lock.withLock { _ in
            rotateIfNeeded(adding: line.utf8.count)
            append(line)
        }
    }

    static func line(for event: LogEvent, at date: Date) -> String {
        var pairs: [(String, String)] = [
            ("ts", JSONText.quoted(UTCTimestamp.string(from: date))),
            ("level", JSONText.quoted(event.level.rawValue)),
            ("correlation_id", event.correlationID.map(JSONText.quoted) ?? "null"),
            ("event", JSONText.quoted(event.event)),
        ]
        if let email = event.staffEmail { pairs.append(("staff_email", JSONText.quoted(email))) }
        if let organization = event.organizationID { pairs.append(("organization_id", String(organization))) }
        if let duration = event.durationMilliseconds { pairs.append(("duration_ms", String(format: "%.1f", duration))) }
        if let outcome = event.outcome { pairs.append(("outcome", JSONText.quoted(outcome))) }
        if let type = event.errorType { pairs.append(("error_type", JSONText.quoted(type))) }
        if let message = event.errorMessage { pairs.append(("error_message", JSONText.quoted(message))) }
        for key in event.fields.keys.sorted() { pairs.append((key, JSONText.quoted(event.fields[key]!))) }
        return "{" + pairs.map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}\n"
    }

    private func append(_ line: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // O_APPEND makes each single write land whole at the end, even with several processes.
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
    }

    private func rotateIfNeeded(adding bytes: Int) {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) + bytes > maximumBytes else { return }
        for index in stride(from: keptFiles - 1, through: 1, by: -1) {
            _ = rename("\(path).\(index)", "\(path).\(index + 1)")
        }
        _ = rename(path, "\(path).1")
    }
}
