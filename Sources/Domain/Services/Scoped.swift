/// Look-ups every service makes the same way: within the actor's organization, and "not found"
/// for anything outside it, exactly as for things that do not exist.
enum Scoped {
    static func semester(_ id: Semester.ID, _ tx: any StoreReader, _ actor: Actor) throws -> Semester {
        guard let semester = try tx.semester(id: id, organizationID: actor.organizationID) else {
            throw DomainError.notFound(kind: "semester", reference: "#\(id)")
        }
        return semester
    }

    /// An uploaded file read for import: unreadable files become a domain refusal.
    static func csv(_ file: [UInt8]) throws -> CSVTable {
        do {
            return try CSVReader.read(file)
        } catch let error as CSVError {
            throw DomainError.invalidFile(error.description)
        }
    }
}
