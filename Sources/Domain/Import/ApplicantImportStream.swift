import Foundation

/// Reads and validates an applicant file on a thread of its own, handing the rows over in chunks,
/// so an import writes the first rows while later ones are still being parsed. The consumer owns
/// the database; this thread never touches it. A few chunks are buffered at most, so a slow writer
/// holds the reader back instead of letting memory grow.
final class ApplicantImportStream: @unchecked Sendable {
    struct Start {
        let head: CSVReader.Head
        let mappings: [ColumnMapping]
    }

    struct Chunk {
        let drafts: [ApplicantDraft]
        let errors: [RowError]
    }

    private enum Item {
        case start(Start)
        case chunk(Chunk)
        case end(rows: Int)
        case failure(any Error)
    }

    private struct Stopped: Error {}

    private static let buffered = 3
    private let condition = NSCondition()
    private var items: [Item] = []
    private var stopped = false
    /// Rows read once the stream has ended.
    private(set) var rows = 0

    /// Starts reading `file` at once.
    init(_ file: [UInt8]) {
        let thread = Thread { [self] in self.produce(file) }
        thread.name = "applicant-import-reader"
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The header as understood, or the file's refusal (unreadable, no required column).
    func start() throws -> Start {
        guard case .start(let start) = try take() else { throw DomainError.invalidFile("the file has no header") }
        return start
    }

    /// The next chunk of rows, or nil at the end of the file.
    func next() throws -> Chunk? {
        switch try take() {
        case .chunk(let chunk): return chunk
        case .end(let rows): self.rows = rows; return nil
        default: return nil
        }
    }

    /// Ends the reading early (the import was refused or failed): the reader thread stops at its
    /// next chunk instead of waiting forever for room. The reader holds this object until it ends,
    /// so a consumer that leaves early must call this (`defer { stream.stop() }`).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func take() throws -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        if case .failure(let error) = item { throw error }
        return item
    }

    private func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= Self.buffered && !stopped { condition.wait() }
        guard !stopped else { throw Stopped() }
        items.append(item)
        condition.broadcast()
    }

    private func produce(_ file: [UInt8]) {
        var session: ApplicantRowValidator.Session?
        var rows = 0
        do {
            try CSVReader.stream(file, head: { head in
                let started = try ApplicantRowValidator.Session(header: head.fields)
                session = started
                try self.put(.start(Start(head: head, mappings: started.mappings)))
            }, records: { records in
                var drafts: [ApplicantDraft] = [], errors: [RowError] = []
                drafts.reserveCapacity(records.count)
                session!.validate(records, drafts: &drafts, errors: &errors)
                rows += records.count
                try self.put(.chunk(Chunk(drafts: drafts, errors: errors)))
            })
            try put(.end(rows: rows))
        } catch is Stopped {
            return
        } catch let error as CSVError {
            try? put(.failure(DomainError.invalidFile(error.description)))
        } catch {
            try? put(.failure(error))
        }
    }
}
