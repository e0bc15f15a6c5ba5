import Domain
import Foundation
import Testing
@testable import MatchConsole

@Suite("JSON-lines log")
struct JSONLineLogTests {
    @Test("one event is one line of valid JSON, whatever the text holds")
    func escaping() throws {
        let event = LogEvent(event: "x", correlationID: "c", errorMessage: "line\nbreak \"quoted\" \\ tab\t \u{1} \u{2028} é 😀")
        let line = JSONLineLog.line(for: event, at: Date(timeIntervalSince1970: 0))
        #expect(line.hasSuffix("}\n") && line.dropLast().allSatisfy { $0 != "\n" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["error_message"] as? String == "line\nbreak \"quoted\" \\ tab\t \u{1} \u{2028} é 😀")
        #expect(object["ts"] as? String == "1970-01-01T00:00:00.000Z")
        #expect(line.hasPrefix("{\"ts\":"))
    }

    @Test("rotates by size, keeping the newest files")
    func rotation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mc-log-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = JSONLineLog(directory: folder, maximumBytes: 1_000, keptFiles: 3)
        for index in 0..<100 { log.record(LogEvent(event: "event-\(index)")) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["console.log", "console.log.1", "console.log.2", "console.log.3"])
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.size] as? Int ?? 0
            #expect(size <= 1_000)
        }
        #expect(try String(contentsOfFile: folder + "/console.log", encoding: .utf8).contains("event-99"))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/console.log")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
