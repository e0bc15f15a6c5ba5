import Credentials
import Domain
import Foundation
import Persistence

/// Measuring helpers shared by the `bench` commands.
enum BenchmarkSupport {
    /// Peak resident memory of this process so far, in MB.
    static var peakResidentMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("match-console-bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs an external program, returning its exit status and standard error.
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func which(_ program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A fresh database at `path` with an organization, its admin, and an empty semester.
    static func freshSemester(_ path: String, mentorQuota: Int, menteeQuota: Int) throws -> (SQLiteStore, Actor, Semester) {
        let store = try SQLiteStore(path: path)
        let actor = try AuthService(store: store, hasher: PBKDF2PasswordHasher())
            .initialize(organizationName: "Bench", adminEmail: "bench@example.org", adminName: "Bench",
                        password: "benchmark-password", correlationID: "bench")
        let semester = try SemesterService(store: store).create(
            SemesterDraft(name: "Bench", startDate: CalendarDate(year: 2026, month: 9, day: 1)!,
                          endDate: CalendarDate(year: 2026, month: 12, day: 1)!,
                          mentorQuota: max(1, mentorQuota), menteeQuota: max(1, menteeQuota)), by: actor)
        return (store, actor, semester)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func rounded(_ value: Double, _ places: Int = 3) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
