import Testing
@testable import Domain

@Suite("Roles and semester statuses")
struct RulesTests {
    @Test("admins may do everything, coordinators the program work, viewers only read")
    func permissions() {
        #expect(Role.admin.permissions == Set(Permission.allCases))
        #expect(Role.coordinator.permissions == [.viewData, .manageSemesters, .uploadApplicants, .runMatching, .manageFeedback])
        #expect(Role.viewer.permissions == [.viewData])
    }

    @Test("the permission checker refuses by role and refuses disabled accounts outright")
    func checker() throws {
        let viewer = Staff(id: 1, organizationID: 1, email: "v@x.org", displayName: "V", role: .viewer, createdAt: .init())
        #expect(throws: DomainError.notPermitted(role: .viewer, permission: .manageSemesters)) {
            try PermissionChecker.require(.manageSemesters, viewer)
        }
        try PermissionChecker.require(.viewData, viewer)
        var admin = viewer
        admin.role = .admin
        admin.isDisabled = true
        #expect(throws: DomainError.accountDisabled(email: "v@x.org")) { try PermissionChecker.require(.viewData, admin) }
    }

    @Test("status machine: draft → open → matched → closed, with the documented ways back")
    func transitions() {
        let allowed: [SemesterStatus: Set<SemesterStatus>] = [
            .draft: [.open, .closed], .open: [.draft, .matched, .closed], .matched: [.open, .closed], .closed: [],
        ]
        for from in SemesterStatus.allCases {
            for to in SemesterStatus.allCases {
                #expect(from.canMove(to: to) == allowed[from]!.contains(to), "\(from) → \(to)")
            }
        }
    }
}
