/// Where the product keeps its state. A store is one connection: create one per thread and never
/// hand it to another (a background job opens its own through a `StoreFactory`).
///
/// Records are only reachable inside `read` or `write`, so every multi-step rule check runs in one
/// transaction: `write` takes the write lock up front, so a check and the change it guards cannot
/// interleave with another writer.
public protocol Store: AnyObject {
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T
}

/// Opens stores, e.g. one for a job's thread. Sendable so it can travel to that thread.
public protocol StoreFactory: Sendable {
    func makeStore() throws -> any Store
}

public typealias StoreReader = OrganizationReading & StaffReading & SemesterReading & SecurityReading & ApplicantReading & MatchingReading & FeedbackReading & EmbeddingReading
public typealias StoreWriter = StoreReader & OrganizationWriting & StaffWriting & SemesterWriting & SecurityWriting & ApplicantWriting & MatchingWriting & FeedbackWriting & EmbeddingWriting
