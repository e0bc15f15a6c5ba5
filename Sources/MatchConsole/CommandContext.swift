import Domain
import Foundation
import Persistence

/// The composition root for one command: opens the database when first needed, builds the
/// services over it, and knows who is acting.
final class CommandContext {
    let output: Output
    let databasePath: String
    private var openedStore: SQLiteStore?
    private var resolvedStaff: Staff?

    init(output: Output, databasePath: String) {
        self.output = output
        self.databasePath = databasePath
    }

    func store() throws -> SQLiteStore {
        if let openedStore { return openedStore }
        let store = try SQLiteStore(path: databasePath)
        openedStore = store
        return store
    }

    func actingStaff() throws -> Staff {
        if let resolvedStaff { return resolvedStaff }
        let staff = try BuiltInAdministrator.resolve(in: try store())
        resolvedStaff = staff
        return staff
    }

    func semesterService() throws -> SemesterService {
        SemesterService(store: try store())
    }
}
