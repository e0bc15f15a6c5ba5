import Credentials
import Domain
import Foundation
import Synchronization
import Testing
@testable import Persistence

/// A context-free embedder that counts the texts it is asked to embed: each vector is the text's
/// letter histogram, normalised, so equal texts give equal vectors and the test can see reuse.
private final class CountingEmbedder: Embedder {
    let name = "counting-letters"
    let dimension = 26
    let isContextFree: Bool
    private let embedded = Mutex<[String]>([])

    init(contextFree: Bool = true) {
        isContextFree = contextFree
    }

    var texts: [String] { embedded.withLock { $0 } }

    func embed(_ texts: [String], isCancelled: () -> Bool, progress: (Int, Int) -> Void) throws -> [Float] {
        embedded.withLock { $0.append(contentsOf: texts) }
        var vectors: [Float] = []
        for (index, text) in texts.enumerated() {
            var counts = [Float](repeating: 0, count: dimension)
            for scalar in text.lowercased().unicodeScalars where ("a"..."z").contains(scalar) {
                counts[Int(scalar.value - 97)] += 1
            }
            let norm = max(counts.map { $0 * $0 }.reduce(0, +).squareRoot(), 1)
            vectors += counts.map { $0 / norm }
            progress(index + 1, texts.count)
        }
        return vectors
    }
}

@Suite("Embedding cache")
struct EmbeddingCacheTests {
    private func run(_ f: Fixture, _ semester: Semester, embedder: CountingEmbedder) throws -> MatchingJob {
        let job = try MatchingService(store: f.store, now: { [clock = f.clock] in clock.now }).start(semesterID: semester.id, by: f.admin)
        return try JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: try f.database.store(),
                                    pipeline: MatchingPipeline(embedder: embedder), textDigest: SHA256Digest.bytes(of:),
                                    runnerPID: 4242)
    }

    private func cachedRows(_ f: Fixture) throws -> Int {
        try f.store.connection.read { try $0.queryFirst("SELECT count(*) FROM embeddings") { $0.int(0) } ?? 0 }
    }

    @Test("a re-run embeds only the profiles that changed, and matches exactly as before")
    func reuse() throws {
        let f = try Fixture()
        let semester = try f.demoSemester()
        let embedder = CountingEmbedder()
        let first = try run(f, semester, embedder: embedder)
        #expect(first.status == .completed && first.embedder == "counting-letters")
        let distinct = Set(embedder.texts).count
        #expect(embedder.texts.count == distinct, "each distinct text is embedded once")
        #expect(try cachedRows(f) == distinct)
        let groupsBefore = try MatchingService(store: f.store).groups(semesterID: semester.id, by: f.admin)

        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        let second = try run(f, semester, embedder: embedder)
        #expect(second.status == .completed)
        #expect(embedder.texts.count == distinct, "nothing unchanged is embedded again")
        let groupsAfter = try MatchingService(store: f.store).groups(semesterID: semester.id, by: f.admin)
        #expect(groupsAfter.map(\.mentorID) == groupsBefore.map(\.mentorID))
        #expect(groupsAfter.map { $0.members.map(\.menteeID) } == groupsBefore.map { $0.members.map(\.menteeID) })
        #expect(groupsAfter.map(\.score) == groupsBefore.map(\.score), "cached vectors are the vectors, bit for bit")

        // One applicant changes their goals: only their profile is embedded again.
        try f.store.connection.write { tx in
            try tx.execute("""
                UPDATE applicants SET goals = 'learn quantum chemistry and beekeeping'
                WHERE id = (SELECT min(id) FROM applicants WHERE semester_id = ? AND role = 'mentee')
                """, semester.id)
        }
        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        #expect(try run(f, semester, embedder: embedder).status == .completed)
        #expect(embedder.texts.count == distinct + 1)
        #expect(embedder.texts.last?.contains("beekeeping") == true)
        #expect(try cachedRows(f) == distinct + 1)
    }

    @Test("an embedder whose vectors depend on the whole semester is never cached")
    func contextDependent() throws {
        let f = try Fixture()
        let semester = try f.demoSemester()
        let embedder = CountingEmbedder(contextFree: false)
        #expect(try run(f, semester, embedder: embedder).status == .completed)
        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        let texts = embedder.texts.count
        #expect(try run(f, semester, embedder: embedder).status == .completed)
        #expect(embedder.texts.count == 2 * texts)
        #expect(try cachedRows(f) == 0)
    }

    @Test("vectors read back exactly; a row of the wrong dimension is not reused")
    func roundTrip() throws {
        let f = try Fixture()
        let digest = SHA256Digest.bytes(of: "robotics and poetry")
        let vector: [Float] = [0.5, -0.25, .leastNonzeroMagnitude, 1e-30, -0.0, 3.4e38]
        try f.store.write { tx in
            try tx.saveEmbeddings(embedder: "e", dimension: 6, [(digest: digest, vector: vector[...])], at: f.now)
        }
        let found = try f.store.read { try $0.cachedEmbeddings(embedder: "e", dimension: 6, digests: [digest, [1, 2, 3]]) }
        #expect(found.count == 1)
        #expect(found[digest]?.map(\.bitPattern) == vector.map(\.bitPattern))
        #expect(try f.store.read { try $0.cachedEmbeddings(embedder: "e", dimension: 7, digests: [digest]) }.isEmpty)
        #expect(try f.store.read { try $0.cachedEmbeddings(embedder: "other", dimension: 6, digests: [digest]) }.isEmpty)
    }

    @Test("each organization chooses its embedder; admins only, audited, and other organizations are unaffected")
    func organizationChoice() throws {
        let f = try Fixture()
        #expect(try f.organizations.current(by: f.coordinator).embedder == .automatic)
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .manageOrganization)) {
            try f.organizations.setEmbedder(.builtin, by: f.coordinator)
        }
        try f.organizations.setEmbedder(.builtin, by: f.admin)
        #expect(try f.organizations.current(by: f.viewer).embedder == .builtin)
        #expect(try f.organizations.current(by: f.outsider).embedder == .automatic)
        #expect(throws: DomainError.nothingToChange) { try f.organizations.setEmbedder(.builtin, by: f.admin) }
        #expect(try f.auditActions(f.admin).contains("organization.embedder_changed"))
    }
}
