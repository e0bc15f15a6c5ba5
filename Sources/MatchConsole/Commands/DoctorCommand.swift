import Domain
import Foundation
import Persistence

/// `doctor`: is this installation healthy? Needs no sign-in, so it still works on a database
/// nobody can sign in to; it reveals no organization's data.
enum DoctorCommand {
    static var all: [CommandSpec] { [doctor] }

    struct Check: Encodable {
        enum Status: String, Encodable { case ok, warning, failed }
        let name: String
        let status: Status
        let detail: String
    }

    static let doctor = CommandSpec(
        ["doctor"], summary: "Check the database, its file permissions, the log folder and the embedder; exit 1 if something is wrong.",
        options: [.flag("--json", "print JSON for scripts")]
    ) { invocation, context in
        let checks = run(databasePath: context.databasePath, environment: context.environment)
        if invocation.has("--json") {
            try context.output.json(checks)
        } else {
            for check in checks {
                let mark = check.status == .ok ? "ok  " : check.status == .warning ? "warn" : "FAIL"
                context.output.line("\(mark)  \(check.name.padding(toLength: 16, withPad: " ", startingAt: 0))\(check.detail)")
            }
        }
        let failures = checks.filter { $0.status == .failed }.count
        if failures > 0 { throw CommandFailure("\(failures) check\(failures == 1 ? "" : "s") failed") }
    }

    static func run(databasePath: String, environment: [String: String]) -> [Check] {
        let logDirectory = DataLocation(environment: environment).stateDirectory
        var checks = [Check(name: "database", status: .ok, detail: databasePath)]
        guard FileManager.default.fileExists(atPath: databasePath) else {
            checks.append(Check(name: "database file", status: .warning, detail: "does not exist yet; it is created on first use"))
            checks.append(logCheck(logDirectory))
            checks.append(embedderCheck(environment))
            return checks
        }
        checks.append(permissionCheck(databasePath))
        do {
            let diagnosis = try DatabaseDiagnosis.examine(path: databasePath)
            let current = diagnosis.schemaVersion == diagnosis.supportedSchemaVersion
            checks.append(Check(name: "schema version", status: current ? .ok : .warning,
                                detail: "\(diagnosis.schemaVersion) (this match-console: \(diagnosis.supportedSchemaVersion))"
                                    + (current ? "" : "; it is upgraded on the next command that writes")))
            checks.append(diagnosis.integrityProblems.isEmpty
                          ? Check(name: "integrity", status: .ok, detail: "PRAGMA integrity_check: ok")
                          : Check(name: "integrity", status: .failed, detail: diagnosis.integrityProblems.prefix(3).joined(separator: "; ")))
            checks.append(Check(name: "foreign keys", status: diagnosis.foreignKeyViolations == 0 ? .ok : .failed,
                                detail: "\(diagnosis.foreignKeyViolations) violation\(diagnosis.foreignKeyViolations == 1 ? "" : "s")"))
            checks.append(Check(name: "journal mode", status: diagnosis.journalMode == "wal" ? .ok : .warning,
                                detail: diagnosis.journalMode + (diagnosis.journalMode == "wal" ? "" : " (expected wal)")))
            checks.append(Check(name: "sqlite", status: .ok, detail: diagnosis.sqliteVersion))
        } catch {
            checks.append(Check(name: "open", status: .failed, detail: ErrorReporter.report(error, databasePath: nil).message))
        }
        checks.append(logCheck(logDirectory))
        checks.append(embedderCheck(environment))
        return checks
    }

    /// Which embedder matching jobs will use: the semantic model when it is installed (unless an
    /// organization chose the built-in one), else the built-in one.
    private static func embedderCheck(_ environment: [String: String]) -> Check {
        Check(name: "embedder", status: .ok, detail: EmbedderCatalog(environment: environment).status().summary)
    }

    private static func permissionCheck(_ path: String) -> Check {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int else {
            return Check(name: "permissions", status: .failed, detail: "cannot read the file's permissions")
        }
        let octal = String(mode & 0o777, radix: 8)
        if mode & 0o077 != 0 {
            return Check(name: "permissions", status: .failed,
                         detail: "\(octal): others can read it; run chmod 600 '\(path)'")
        }
        return Check(name: "permissions", status: .ok, detail: "\(octal) (private to its owner)")
    }

    private static func logCheck(_ directory: String) -> Check {
        // The folder is created on first use, so the nearest existing ancestor must be writable.
        var folder = directory
        while !FileManager.default.fileExists(atPath: folder) && folder != "/" {
            folder = (folder as NSString).deletingLastPathComponent
        }
        let writable = access(folder, W_OK) == 0
        return Check(name: "log folder", status: writable ? .ok : .failed,
                     detail: directory + (writable ? "" : " is not writable"))
    }
}
