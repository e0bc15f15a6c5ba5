/// The one place that decides whether a staff member may act. Services call it first, before
/// reading anything, so a refusal never depends on (or reveals) what the data holds.
public enum PermissionChecker {
    public static func require(_ permission: Permission, _ staff: Staff) throws {
        guard !staff.isDisabled else { throw DomainError.accountDisabled(email: staff.email) }
        guard staff.role.allows(permission) else {
            throw DomainError.notPermitted(role: staff.role, permission: permission)
        }
    }
}
